//! Word comments (批注) for drafters: `check plan.docx --annotate reviewed.docx`.
