//! `unit-name-variants` (PL106): one unit written two ways. See rules/rules.toml.

use super::{Context, Findings};
use std::collections::BTreeMap;

pub const RULE: &str = "unit-name-variants";

/// The spelling-independent key of a unit name: joiners (rules/lexicon.toml `list_joiners`),
/// spaces and bracket widths removed.
fn key(name: &str, words: &crate::data::UnitWords) -> String {
    name.chars()
        .filter(|&c| !matches!(c, ' ' | '\u{3000}') && !words.is_joiner(c))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

pub fn run(cx: &Context, out: &mut Findings) {
    // key -> spelling -> occurrences (in document order)
    let mut seen: BTreeMap<String, BTreeMap<&str, Vec<crate::source::Span>>> = BTreeMap::new();
    for u in cx.units() {
        seen.entry(key(&u.name, &cx.data.lexicon.units))
            .or_default()
            .entry(u.name.as_str())
            .or_default()
            .push(u.span);
    }
    for spellings in seen.values() {
        if spellings.len() < 2 {
            continue;
        }
        // The most frequent spelling is taken as the plan's own; the others are reported once.
        let (main, main_spans) = spellings
            .iter()
            .max_by_key(|(n, s)| (s.len(), std::cmp::Reverse(s[0].start), *n))
            .map(|(n, s)| (*n, s))
            .expect("two spellings");
        for (name, spans) in spellings {
            if *name == main {
                continue;
            }
            out.report(
                RULE,
                spans[0],
                t!(
                    cx,
                    "message",
                    name = name,
                    main = main,
                    count = spans.len(),
                    main_count = main_spans.len()
                ),
            )
            .related(main_spans[0], t!(cx, "related", main = main))
            .help(t!(cx, "help"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_connective_variants() {
        let plan = "一、任务\n（一）科技。支持研究。（区工信和科技局负责）\n（二）创新。推广应用。（区工信与科技局负责）\n（三）品牌。加强建设。（区工信和科技局负责）\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, 3);
    }

    #[test]
    fn different_units_are_not_variants() {
        assert_eq!(
            super::key(
                "区工信和科技局（办） ",
                &crate::data::RuleData::builtin().lexicon.units
            ),
            "区工信科技局(办)"
        );
        let plan = "一、任务\n（一）科技。支持研究。（区财政局负责）\n（二）创新。推广应用。（区教育局负责）\n（三）品牌。加强建设。（区财政局、区教育局负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }
}
