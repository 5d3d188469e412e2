//! `unread-clause` (PL112): a piece of a responsibility clause planlint could not read. See
//! rules/rules.toml.

use super::{Context, Findings};

pub const RULE: &str = "unread-clause";

/// The rest of the clause was read (its units and roles count); this piece was not, so what
/// it says about the task is not checked.
pub fn run(cx: &Context, out: &mut Findings) {
    for &span in &cx.doc.unread_clauses {
        out.report(RULE, span, t!(cx, "message", text = cx.text(span)))
            .help(t!(cx, "help"));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_an_unknown_segment() {
        let plan = "一、工作任务\n（一）加强监管。开展专项检查。（县市场监管局负责，按季度报送进展情况）\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(
                2,
                26,
                "this part of a responsibility clause was not read: `按季度报送进展情况`"
                    .to_string()
            )]
        );
    }

    #[test]
    fn silent_on_clauses_read_whole() {
        let plan = "一、工作任务\n（一）加强监管。开展专项检查。（6月底完成，牵头考核单位：市政府办公室、市公安局）\n（二）强化宣传。（市委宣传部牵头，市文旅局配合；2024年底前完成）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }
}
