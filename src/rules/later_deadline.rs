//! `later-deadline` (PL204): a plan deadline later than the directive's for the same task.
//! See rules/rules.toml.

use super::{Context, Findings};

pub const RULE: &str = "later-deadline";

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(ag) = &cx.against else { return };
    for pair in &ag.alignment.pairs {
        let (Some(dd), Some(pd)) = (
            &ag.doc.tasks[pair.directive].deadline,
            &cx.doc.tasks[pair.plan].deadline,
        ) else {
            continue;
        };
        let (Some(de), Some(pe)) = (dd.when.end, pd.when.end) else {
            continue;
        };
        // A merged plan task answers several directive dates; only its own text is compared.
        // A recurring date (每年12月初) is no point in time to compare.
        if pair.shared || pd.inherited_from.is_some() || dd.when.recurring || pd.when.recurring {
            continue;
        }
        // The directive's date is the year of a target the plan leaves out (2022年实现…100%纳入
        // 平台管理): the plan's first date then belongs to another sentence; dropped-target speaks.
        if dates_a_dropped_target(cx, ag, pair.directive, dd.span) {
            continue;
        }
        // A month without its year is in its own plan's year.
        let de = de.in_year(ag.doc.facts.year.map(|y| y.0));
        let pe = pe.in_year(cx.doc.facts.year.map(|y| y.0));
        let (Some(dk), Some(pk)) = (de.end_key(), pe.end_key()) else {
            continue;
        };
        if pk > dk {
            let dt = &ag.doc.tasks[pair.directive];
            out.report(
                RULE,
                pd.span,
                t!(
                    cx,
                    "message",
                    plan = cx.date(&pe),
                    directive = cx.date(&de),
                    dtask = cx.task(&dt.number)
                ),
            )
            .directive(dd.span, cx.task(&dt.number))
            .help(t!(cx, "help", deadline = dd.text));
        }
    }
}

/// A target of the directive task stands in the same sentence as the date, and the plan states
/// no number for its measure.
fn dates_a_dropped_target(
    cx: &Context,
    ag: &super::Against,
    directive: usize,
    date: crate::source::Span,
) -> bool {
    let text = &ag.src.text;
    let sentence_end = |at: usize| {
        text[at..]
            .find(['。', '；', '\n'])
            .map_or(text.len(), |i| at + i)
    };
    let end = sentence_end(date.end.min(text.len()));
    ag.doc.tasks[directive].targets.iter().any(|&k| {
        let t = &ag.doc.targets[k];
        t.span.start >= date.start
            && t.span.end <= end
            && !ag.alignment.targets.iter().any(|tp| tp.directive == k)
            && !crate::align::plan_states(ag.src, t, cx.src, cx.doc, cx.data)
    })
}

#[cfg(test)]
mod recurring_tests {
    use crate::testing::findings_against;

    #[test]
    fn a_yearly_date_is_no_deadline_to_be_later_than() {
        let directive = "白府办发〔2020〕12号\n一、任务\n（一）报告工作。每年12月初报告食品安全工作情况。（市市场监管局负责，每年12月初完成）\n";
        let plan = "白府办发〔2020〕15号\n一、任务\n（一）报告工作。每年12月初报告食品安全工作情况。（县市场监管局负责，2021年12月底前完成）\n";
        assert_eq!(findings_against(plan, directive, super::RULE), vec![]);
        // The same dated: the plan's is later.
        let directive = directive.replace("每年12月初完成", "2020年12月初完成");
        assert_eq!(findings_against(plan, &directive, super::RULE).len(), 1);
    }
}
