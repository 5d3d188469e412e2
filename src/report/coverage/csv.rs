//! The matrix as CSV: one row per directive task, one column per plan. UTF-8 with a byte-order
//! mark, because Excel reads a CSV without one in the machine's ANSI code page and garbles
//! Chinese; CRLF line ends and RFC 4180 quoting, as Excel writes them.

use super::{Lang, Matrix, Word};

/// One field, quoted as RFC 4180 asks. A field that Excel would take for a formula (opening
/// with `=`, `+`, `-`, `@`, a tab or a carriage return: a plan file named `=HYPERLINK(…)`, a
/// task opening with `=`) is written after an apostrophe, as OWASP advises, so it shows as text.
fn field(s: &str) -> String {
    let s = if super::opens_as_formula(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(out: &mut String, fields: impl IntoIterator<Item = String>) {
    let row: Vec<String> = fields.into_iter().map(|f| field(&f)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

pub fn render(m: &Matrix, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut head = vec![
        lang.word(Word::Section).to_string(),
        lang.word(Word::Number).to_string(),
        lang.word(Word::Id).to_string(),
        lang.word(Word::Line).to_string(),
        lang.word(Word::Task).to_string(),
    ];
    head.extend(m.plans.iter().map(|p| p.name.clone()));
    // A plan that could not be read keeps its column, every cell saying so: a CSV has no
    // list beside the matrix, and a missing column would pass for a plan never sent.
    head.extend(m.unread.iter().map(|(p, _)| p.clone()));
    head.push(lang.word(Word::Carried).to_string());
    line(&mut out, head);
    for s in &m.sections {
        for r in &s.rows {
            let mut row = vec![
                s.name.clone(),
                r.number.clone(),
                r.id.clone(),
                r.line.to_string(),
                r.text.clone(),
            ];
            row.extend(r.cells.iter().map(|c| c.label(lang)));
            row.extend(
                m.unread
                    .iter()
                    .map(|_| lang.word(Word::NotRead).to_string()),
            );
            row.push(r.carried().to_string());
            line(&mut out, row);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn formulas_are_written_as_text() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-2"), "'-2");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("县市场监管局"), "县市场监管局");
        assert_eq!(field("a,b"), "\"a,b\"");
    }
}
