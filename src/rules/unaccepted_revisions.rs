//! `unaccepted-revisions` (PL120): a Word document that still holds tracked changes (修订). See
//! rules/rules.toml.
//!
//! The reader reads such a document as if every change were accepted (inserted text kept,
//! deleted text dropped, moved text once, a deleted row left out) and records how many changes
//! of each kind it met; this rule says so once per document, at the first line a change
//! touches, so that a reviewer knows the text checked is not the text printed with markup.

use super::{Context, Findings};

pub const RULE: &str = "unaccepted-revisions";

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(r) = cx.src.revisions else {
        return;
    };
    let mut kinds = Vec::new();
    if r.inserted > 0 {
        kinds.push(t!(cx, "kind-inserted", count = r.inserted));
    }
    if r.deleted > 0 {
        kinds.push(t!(cx, "kind-deleted", count = r.deleted));
    }
    if r.moved > 0 {
        kinds.push(t!(cx, "kind-moved", count = r.moved));
    }
    let kinds = kinds.join(&t!(cx, "separator"));
    let count = r.inserted + r.deleted + r.moved;
    out.report(
        RULE,
        r.span,
        t!(cx, "message", count = count, kinds = kinds),
    )
    .help(t!(cx, "help"));
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of_docx;

    fn p(runs: &str) -> String {
        format!("<w:p>{runs}</w:p>")
    }

    fn r(text: &str) -> String {
        format!("<w:r><w:t>{text}</w:t></w:r>")
    }

    #[test]
    fn one_finding_at_the_first_change() {
        let body = [
            p(&r("一、重点任务")),
            p(&format!(
                "{}<w:del w:id=\"1\" w:author=\"审核人\"><w:r><w:delText>县公安局</w:delText></w:r></w:del><w:ins w:id=\"2\" w:author=\"审核人\">{}</w:ins>{}",
                r("（一）开展食品安全抽检。（"),
                r("县市场监管局"),
                r("负责）")
            )),
            p(&format!(
                "<w:ins w:id=\"3\" w:author=\"审核人\">{}</w:ins>",
                r("（二）加强校园食品安全。（县教体局负责）")
            )),
        ]
        .concat();
        assert_eq!(
            findings_of_docx(&body, super::RULE),
            vec![(
                2,
                1,
                "the Word document still holds 3 tracked changes (2 inserted, 1 deleted); it was read as if all were accepted".to_string()
            )]
        );
    }

    #[test]
    fn quiet_on_a_document_without_changes() {
        let body = [
            p(&r("一、重点任务")),
            p(&r("（一）开展食品安全抽检。（县市场监管局负责）")),
        ]
        .concat();
        assert_eq!(findings_of_docx(&body, super::RULE), vec![]);
    }
}
