//! `inconsistent-deadline` (PL117): one plan giving the same work two schedules. See
//! rules/rules.toml.
//!
//! Two shapes: the same statement written twice (the body and the attached table) with
//! different durations (用2—3年时间 and 用2年时间); and a task whose deadline falls before the
//! first time its own text says the work is done (每年12月初报告… with 完成时限 2020年11月底).
//! Two statements are the same when their words around the duration match: the share of
//! shared character pairs is at least the rule's `same_statement` parameter.

use super::{Context, Findings};
use crate::source::Span;
use rustc_hash::FxHashSet as HashSet;

pub const RULE: &str = "inconsistent-deadline";

/// Characters read on each side of a duration, within its sentence, to tell whether two
/// statements are the same.
const WINDOW: usize = 40;

/// Statements sharing fewer character pairs than this are too short to be told apart.
const MIN_PAIRS: usize = 8;

pub fn run(cx: &Context, out: &mut Findings) {
    durations(cx, out);
    recurring_after_deadline(cx, out);
}

/// A duration, its years, and the character pairs of the statement around it.
type Duration = (Span, (u32, u32), HashSet<(char, char)>);

fn durations(cx: &Context, out: &mut Findings) {
    let text = cx.src.text.as_str();
    let threshold = cx.param_f64(RULE, "same_statement", 0.6);
    let found: Vec<Duration> = cx
        .doc
        .durations
        .iter()
        .map(|&(s, d)| (s, d, pairs_around(text, s)))
        .collect();
    for (k, (b, db, pb)) in found.iter().enumerate() {
        // Report the later statement against the first one that matches it.
        let earlier = found[..k]
            .iter()
            .find(|(_, da, pa)| da != db && similarity(pa, pb) >= threshold);
        if let Some((a, da, _)) = earlier {
            out.report(
                RULE,
                *b,
                t!(
                    cx,
                    "durations",
                    here = years(cx, *db),
                    there = years(cx, *da)
                ),
            )
            .related(*a, t!(cx, "related-duration", text = cx.text(*a)))
            .help(t!(cx, "help-duration"));
        }
    }
}

fn years(cx: &Context, (a, b): (u32, u32)) -> String {
    if a == b {
        t!(cx, "years", a = a)
    } else {
        t!(cx, "years-range", a = a, b = b)
    }
}

/// Character pairs of the sentence around a span (the span itself left out).
fn pairs_around(text: &str, span: Span) -> HashSet<(char, char)> {
    let ends = |c: &char| matches!(c, '。' | '；' | ';' | '\n' | '\t');
    let before: Vec<char> = text[..span.start]
        .chars()
        .rev()
        .take_while(|c| !ends(c))
        .take(WINDOW)
        .collect();
    let after: Vec<char> = text[span.end..]
        .chars()
        .take_while(|c| !ends(c))
        .take(WINDOW)
        .collect();
    let mut pairs = HashSet::default();
    for side in [before.into_iter().rev().collect::<Vec<_>>(), after] {
        for w in side.windows(2) {
            if !w[0].is_whitespace() && !w[1].is_whitespace() {
                pairs.insert((w[0], w[1]));
            }
        }
    }
    pairs
}

/// Shared pairs over the pairs of the smaller side.
fn similarity(a: &HashSet<(char, char)>, b: &HashSet<(char, char)>) -> f64 {
    let small = a.len().min(b.len());
    if small < MIN_PAIRS {
        return 0.0;
    }
    a.intersection(b).count() as f64 / small as f64
}

/// A dated deadline (2020年11月底) before the first yearly date of its task (每年12月初).
fn recurring_after_deadline(cx: &Context, out: &mut Findings) {
    for t in &cx.doc.tasks {
        let Some(d) = &t.deadline else { continue };
        let Some(end) = d
            .when
            .end
            .filter(|_| d.when.start.is_none() && !d.when.recurring)
        else {
            continue;
        };
        let Some(due) = end.end_key() else { continue };
        for &(s, every) in &t.recurring {
            let first = every.in_year(end.year);
            if first.start_key().is_some_and(|k| k > due) {
                out.report(
                    RULE,
                    d.span,
                    t!(cx, "recurring", deadline = cx.date(&end), due = cx.text(s)),
                )
                .related(s, t!(cx, "related-recurring"))
                .help(t!(cx, "help-recurring"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_two_durations_for_one_statement() {
        let plan = "一、任务\n（一）流通。大力扶持农村食品连锁加盟和集中配送服务业发展，用2-3年时间，建立规范的农村食品流通供应体系。（县商务局负责）\n附件\n序号\t重点任务\t牵头单位\t完成时限\n94\t大力扶持农村食品连锁加盟和集中配送服务业发展，用2年时间，建立规范的农村食品流通供应体系。\t商务局\t2020年10月底\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(
                5,
                27,
                "2 years here, but 2–3 years where the plan says the same earlier".to_string()
            )]
        );
    }

    #[test]
    fn fires_on_a_deadline_before_the_yearly_date() {
        let plan = "附件\n序号\t重点任务\t牵头单位\t完成时限\n111\t每年12月初，向县委和政府报告年度食品安全工作情况。\t食安办\t2020年11月底完成并长期坚持\n112\t每年6月底前，报告工作情况。\t食安办\t2020年11月底完成并长期坚持\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(3, 36, "the deadline 2020-11 (end) comes before the first time the task is due (每年12月初)".to_string())]
        );
    }

    #[test]
    fn quiet_on_different_statements_and_equal_durations() {
        let plan = "一、任务\n（一）流通。用2-3年时间，建立规范的农村食品流通供应体系。（县商务局负责）\n（二）追溯。用3年时间，实现重点品种追溯全覆盖。（县市场监管局负责）\n（三）流通。用2—3年时间，建立规范的农村食品流通供应体系。（县商务局负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }
}

#[cfg(test)]
mod pair_tests {
    use super::*;

    #[test]
    fn the_words_around_a_duration_are_its_sentence_without_spaces() {
        let text = "一、任务。完成食品安全检查，用2年时间，建 成追溯体系。下一句";
        let at = text.find("用2年时间").unwrap();
        let span = Span::new(at, at + "用2年时间".len());
        let pairs = pairs_around(text, span);
        let want: HashSet<(char, char)> = [
            "完成", "成食", "食品", "品安", "安全", "全检", "检查", "查，", "，建", "成追", "追溯",
            "溯体", "体系",
        ]
        .iter()
        .map(|p| {
            let c: Vec<char> = p.chars().collect();
            (c[0], c[1])
        })
        .collect();
        assert_eq!(pairs, want);
    }

    #[test]
    fn eight_pairs_are_enough_to_compare() {
        let set = |s: &str| -> HashSet<(char, char)> {
            let c: Vec<char> = s.chars().collect();
            c.windows(2).map(|w| (w[0], w[1])).collect()
        };
        let eight = set("加强食品安全监管工作");
        assert_eq!(eight.len(), 9);
        let a = set("加强食品安全监管工");
        assert_eq!(a.len(), MIN_PAIRS);
        assert_eq!(similarity(&a, &eight), 1.0);
        let seven = set("加强食品安全监管");
        assert_eq!(similarity(&seven, &eight), 0.0);
    }
}
