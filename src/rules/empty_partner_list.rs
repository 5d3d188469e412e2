//! `empty-partner-list` (PL103): 配合 with no unit before it. See rules/rules.toml.

use super::{Context, Findings};

pub const RULE: &str = "empty-partner-list";

pub fn run(cx: &Context, out: &mut Findings) {
    for t in &cx.doc.tasks {
        if let Some(span) = t.empty_partner_list {
            out.report(RULE, span, t!(cx, "message", task = cx.task(&t.number)))
                .help(t!(cx, "help"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_a_bare_partner_marker() {
        let plan =
            "一、发展\n（一）实施战略。开展活动。（自治区农牧业厅、粮食局按职责分工负责；配合）\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, 2);
    }

    #[test]
    fn silent_with_partners() {
        let plan = "一、发展\n（一）实施战略。开展活动。（自治区农牧业厅负责；自治区财政厅配合）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }
}
