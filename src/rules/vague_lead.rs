//! `vague-lead` (PL102): every lead of a task is a catch-all. See rules/rules.toml.

use super::{Context, Findings};

pub const RULE: &str = "vague-lead";

pub fn run(cx: &Context, out: &mut Findings) {
    for t in &cx.doc.tasks {
        // Owners a regulation names in its sentences (有关部门应当…) are the law's wording.
        if t.owners_in_text || !t.vague_leads {
            continue;
        }
        let span = t
            .leads
            .iter()
            .map(|u| u.span)
            .reduce(|a, b| a.cover(b))
            .unwrap_or(t.span);
        let names: Vec<&str> = t.leads.iter().map(|u| u.name.as_str()).collect();
        out.report(
            RULE,
            span,
            t!(
                cx,
                "message",
                task = cx.task(&t.number),
                names = names.join("、")
            ),
        )
        .help(t!(cx, "help"));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_catch_all_only() {
        let plan =
            "一、保障\n（一）协调配合。加强沟通。（责任单位：县食品安全委员会相关成员单位）\n";
        assert_eq!(findings_of(plan, super::RULE).len(), 1);
    }

    /// corpus-judged/x02 (苏州): a named unit before 等有关部门 leads; only a catch-all alone or
    /// a list ending in 等 names nobody.
    #[test]
    fn a_named_unit_before_et_al_catch_all_leads() {
        let plan = |clause: &str| {
            format!("一、措施\n1.优化审批。推行告知承诺制。（{clause}按职责分工负责）\n")
        };
        assert!(findings_of(&plan("市行政审批局等有关部门"), super::RULE).is_empty());
        assert_eq!(findings_of(&plan("各有关部门"), super::RULE).len(), 1);
        assert_eq!(findings_of(&plan("有关部门等"), super::RULE).len(), 1);
    }

    #[test]
    fn silent_when_a_named_unit_leads_too() {
        let plan = "一、保障\n（一）协调配合。加强沟通。（责任单位：县卫生健康局、市场监管局等食品安全委员会相关成员单位）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }
}
