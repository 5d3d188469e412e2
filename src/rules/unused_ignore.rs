//! `unused-ignore` (PL301): an acceptance that suppressed nothing in this run (an `[[ignore]]`,
//! `[[pair]]` or `[[not-applicable]]` entry of planlint.toml, or a Markdown
//! `<!-- planlint-disable -->` comment). See rules/rules.toml.
//!
//! Unlike the other rules it is not run on one plan's model: whether an acceptance was used is
//! known only once the run's plans are checked, so the batch (src/batch.rs) asks this module for
//! the finding of each unused one. The words are the catalogue's, in the run's language.

use super::{RuleSet, Severity};
use crate::data::RuleData;
use crate::finding::Finding;
use crate::source::Span;

pub const RULE: &str = "unused-ignore";

/// An acceptance that suppressed nothing.
pub enum Unused<'a> {
    /// `[[ignore]]`: a rule and a fragment of text.
    Ignore { rule: &'a str, text: &'a str },
    /// `[[pair]]`: a directive fragment and the plan fragment said to carry it.
    Pair { directive: &'a str, plan: &'a str },
    /// `[[not-applicable]]`: a directive fragment.
    NotApplicable { directive: &'a str },
    /// A `<!-- planlint-disable -->` comment of a Markdown plan.
    DisableComment,
}

/// What `t!` reads the messages from.
struct Cx<'a> {
    data: &'a RuleData,
}

impl Cx<'_> {
    fn msg(&self, rule: &str, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let template = self
            .data
            .catalogue
            .message(rule, key, self.data.lang)
            .unwrap_or_else(|| panic!("rule {rule} has no message {key}"));
        super::fill(template, args)
    }
}

/// The finding for `unused` at `span` (in planlint.toml, or on the comment in the plan), at the
/// severity this run gives the rule; None when the rule is not enabled.
pub fn finding(data: &RuleData, set: &RuleSet, span: Span, unused: Unused) -> Option<Finding> {
    if !set.enabled.contains(RULE) {
        return None;
    }
    let entry = data.catalogue.rule.iter().find(|r| r.name == RULE)?;
    let severity: Severity = set.severities.get(RULE).copied().unwrap_or(entry.severity);
    let cx = Cx { data };
    let (message, help) = match unused {
        Unused::Ignore { rule, text } => {
            (t!(cx, "ignore", rule = rule, text = text), t!(cx, "help"))
        }
        Unused::Pair { directive, plan } => (
            t!(cx, "pair", directive = directive, plan = plan),
            t!(cx, "help"),
        ),
        Unused::NotApplicable { directive } => (
            t!(cx, "not-applicable", directive = directive),
            t!(cx, "help"),
        ),
        // A comment is deleted from the plan, not from planlint.toml.
        Unused::DisableComment => (t!(cx, "comment"), t!(cx, "help-comment")),
    };
    let mut f = Finding::new(entry, severity, span, message);
    f.help(help);
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Lang;

    fn of(lang: Lang, unused: Unused) -> (String, Option<String>) {
        let mut data = RuleData::builtin();
        data.lang = lang;
        let set = RuleSet::new(&data.catalogue, &[], &[]).unwrap();
        let f = finding(&data, &set, Span::new(0, 1), unused).unwrap();
        assert_eq!((f.rule.as_str(), f.code.as_str()), (RULE, "PL301"));
        (f.message, f.help)
    }

    #[test]
    fn messages_in_both_languages() {
        assert_eq!(
            of(Lang::Zh, Unused::DisableComment),
            (
                "此 planlint-disable 注释未屏蔽任何问题".to_string(),
                Some("删除该注释：它所屏蔽的问题已不存在".to_string())
            )
        );
        assert_eq!(
            of(Lang::En, Unused::DisableComment),
            (
                "this planlint-disable comment suppressed no finding".to_string(),
                Some("delete the comment: the findings it silenced are gone".to_string())
            )
        );
        assert_eq!(
            of(
                Lang::Zh,
                Unused::Ignore {
                    rule: "missing-lead",
                    text: "加强宣传"
                }
            ),
            (
                "忽略条目（规则 missing-lead，文本“加强宣传”）未匹配任何问题".to_string(),
                Some("删除该条目：它所接受的问题已不存在".to_string())
            )
        );
        assert_eq!(
            of(
                Lang::En,
                Unused::NotApplicable {
                    directive: "开展"
                }
            )
            .0,
            "[[not-applicable]] entry (directive \"开展\") matched no directive task"
        );
        assert_eq!(
            of(
                Lang::Zh,
                Unused::Pair {
                    directive: "甲",
                    plan: "乙"
                }
            )
            .0,
            "[[pair]] 条目（上级文件“甲”，本方案“乙”）未匹配到本方案任务"
        );
    }

    #[test]
    fn nothing_when_skipped() {
        let data = RuleData::builtin();
        let set = RuleSet::new(&data.catalogue, &[], &[RULE.to_string()]).unwrap();
        assert!(finding(&data, &set, Span::new(0, 1), Unused::DisableComment).is_none());
    }
}
