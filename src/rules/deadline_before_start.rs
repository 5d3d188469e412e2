//! `deadline-before-start` (PL118): a stage or scheduled step that starts before the plan
//! does. See rules/rules.toml.
//!
//! Steps of the schedule (a stage's time, a `时间安排：` date) and starts of table deadlines
//! are read against the first stage (（一）安排部署阶段：2023年4月初开始), and the stages
//! against the issue date, a whole month earlier counting. Dates without a year take the
//! plan's year. A plan with neither stages nor an issue date is not checked, and a task's
//! start is never held to the issue date alone (2022年起 in a plan issued that March is
//! common and meant).

use super::{Context, Findings};
use crate::model::DatePoint;
use crate::source::Span;

pub const RULE: &str = "deadline-before-start";

pub fn run(cx: &Context, out: &mut Findings) {
    let year = cx.doc.facts.year.map(|y| y.0);
    let issued: Option<(Span, DatePoint)> = cx.doc.facts.issued;
    let first_stage = cx
        .doc
        .schedule
        .iter()
        .find(|s| s.stage.is_some())
        .map(|s| (s.span, s.start.in_year(year)));
    // Steps of the schedule and starts of table deadlines, against the first stage.
    if let Some((stage_span, stage)) = first_stage {
        let dates = cx
            .doc
            .schedule
            .iter()
            .filter(|s| s.span != stage_span)
            .map(|s| (s.span, s.start))
            .chain(cx.doc.tasks.iter().filter_map(|t| {
                let d = t.deadline.as_ref()?;
                d.when.start.map(|p| (d.span, p))
            }));
        for (span, point) in dates {
            let point = point.in_year(year);
            if before(point.start_key(), stage.start_key()) {
                report(cx, out, span, point, (stage_span, stage), "what-stage");
            }
        }
    }
    // The stages themselves, against the issue date: a whole month earlier, as a plan issued
    // on 20 April may well schedule its first stage for early April.
    if let Some((issue_span, issue)) = issued {
        for s in &cx.doc.schedule {
            let point = s.start.in_year(year);
            let month = |p: DatePoint| Some((p.year?, p.month?));
            let earlier = match (month(point), month(issue)) {
                (Some(a), Some(b)) => a < b,
                _ => false,
            };
            let reported = first_stage.is_some_and(|(fs, stage)| {
                s.span != fs && before(point.start_key(), stage.start_key())
            });
            if earlier && !reported {
                report(cx, out, s.span, point, (issue_span, issue), "what-issued");
            }
        }
    }
}

fn before(a: Option<(i32, u32, u8)>, b: Option<(i32, u32, u8)>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a < b)
}

/// `what` is the message key naming what the plan's start is.
fn report(
    cx: &Context,
    out: &mut Findings,
    span: Span,
    point: DatePoint,
    (start_span, start): (Span, DatePoint),
    what: &str,
) {
    let what = cx.msg(RULE, what, &[]);
    out.report(
        RULE,
        span,
        t!(
            cx,
            "message",
            text = cx.text(span),
            start = cx.date(&point),
            what = what,
            plan_start = cx.date(&start)
        ),
    )
    .related(start_span, t!(cx, "related", what = what))
    .help(t!(cx, "help"));
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    const STAGES: &str = "一、任务\n（一）监管。加强监管。（区市场监管局负责）\n二、工作步骤\n（一）安排部署阶段\n时间安排：2023年4月初开始。\n（二）组织实施阶段\n1.过程控制。加强监管。\n时间安排：2023年5月启动，7月底完成。\n2.宣传。加强宣传。\n时间安排：常态化开展，2023年3月—12月重点推进。\n（三）自查督查阶段\n时间安排：常态化开展，2023年3月—12月重点推进。\n（四）验收阶段\n时间安排：2024年6月提出申请。\n";

    #[test]
    fn fires_on_steps_before_the_first_stage() {
        let f = findings_of(STAGES, super::RULE);
        let got: Vec<(usize, usize)> = f.iter().map(|(l, c, _)| (*l, *c)).collect();
        assert_eq!(got, vec![(10, 12), (12, 12)]);
        assert_eq!(
            f[0].2,
            "2023年3月—12月 starts 2023-03, before the plan's first stage starts (2023-04 (early))"
        );
    }

    #[test]
    fn fires_on_a_first_stage_before_the_issue_date() {
        let plan = format!("{STAGES}\n白云鄂博矿区人民政府\n2023年5月8日\n");
        let f = findings_of(&plan, super::RULE);
        assert_eq!(f.len(), 3);
        assert_eq!(
            f[0].2,
            "2023年4月初 starts 2023-04 (early), before the plan is issued (2023-05-08)"
        );
        // Issued within the month of the first stage: only the steps before it.
        let plan = format!("{STAGES}\n白云鄂博矿区人民政府\n2023年4月20日\n");
        assert_eq!(findings_of(&plan, super::RULE).len(), 2);
    }

    #[test]
    fn quiet_on_ordered_stages_and_undated_plans() {
        let ordered = STAGES.replace("2023年3月—12月", "2023年6月—12月");
        assert_eq!(findings_of(&ordered, super::RULE), vec![]);
        let undated = "附件\n序号\t重点任务\t牵头单位\t完成时限\n1\t开展排查。\t县市场监管局\t2020年4月底完成并长期坚持\n";
        assert_eq!(findings_of(undated, super::RULE), vec![]);
    }
}
