//! `dropped-target` (PL203): a directive target whose task the plan carries, while the plan
//! states no number for its measure: the words kept without the number (逐步提高, 全面推行), or
//! the measure left out altogether. See rules/rules.toml.

use super::{Context, Findings};
use crate::align::plan_states;

pub const RULE: &str = "dropped-target";

/// A plan task carrying the directive task states the same figure in the same unit (给予50%
/// 税收补贴 for 由受益财政给予50%): whatever its words, the number is kept.
fn carriers_repeat(
    cx: &Context,
    ag: &super::Against,
    directive: usize,
    target: &crate::model::Target,
) -> bool {
    let carriers = || {
        ag.alignment
            .pairs
            .iter()
            .filter(move |p| p.directive == directive)
            .map(|p| &cx.doc.tasks[p.plan])
    };
    writes_figure(
        cx,
        target,
        carriers()
            .flat_map(|t| &t.targets)
            .map(|&k| &cx.doc.targets[k]),
        // A bare number (no unit) in a carrier's text may be any figure: not looked for.
        carriers()
            .filter(|_| !target.unit.is_empty())
            .map(|t| cx.text(t.text)),
    )
}

/// Whether a directive target's figure stands among plan `targets` (the same value in the same
/// unit) or, where the plan did not read it as a target (自出售之日起12个月内 is a period of a
/// rule), is written in `texts`: the same number before the same unit, not the tail of a
/// longer number (12个月 is not in 112个月, 3万元 not in 13万元).
fn writes_figure<'p>(
    cx: &Context,
    target: &crate::model::Target,
    mut targets: impl Iterator<Item = &'p crate::model::Target>,
    mut texts: impl Iterator<Item = &'p str>,
) -> bool {
    let unit = cx.data.metrics.canonical_unit(&target.unit);
    if targets.any(|t| t.value == target.value && cx.data.metrics.canonical_unit(&t.unit) == unit) {
        return true;
    }
    let written = format!("{}{}", super::number_text(target.value), target.unit);
    texts.any(|text| {
        text.match_indices(written.as_str())
            .any(|(i, _)| !text[..i].ends_with(|c: char| c.is_ascii_digit() || c == '.'))
    })
}

/// What the plan says of a directive target's measure.
enum Measure {
    /// The measure, named in these words, is stated nowhere in the plan.
    Unstated(String),
    /// The target names no measure (给予最高3000万元资助: a noun of two characters; 不超过3万元:
    /// none): only its figure can be looked for ([`figure_written`]).
    Unnamed,
    /// Stated, or not to be judged.
    Kept,
}

/// The words of the measure a directive target names, where the plan states that measure
/// nowhere. Kept for a figure of the past or one of a list (A、B分别达到…), which promise no
/// measure alone. A subject that names no measure (配备2—3名: the noun follows the number;
/// 的比例…; 资助) tells nothing to look for: the figure itself is looked for in the plan.
fn unstated_measure(cx: &Context, ag: &super::Against, target: &crate::model::Target) -> Measure {
    if target.status || target.respectively.is_some() {
        return Measure::Kept;
    }
    // The noun after the number (建成10个…, 最高100万元研发资助) names what it measures.
    let Some(words) = super::measure_named(ag.src, target, cx.data) else {
        return Measure::Unnamed;
    };
    if plan_states(ag.src, target, cx.src, cx.doc, cx.data) {
        Measure::Kept
    } else {
        Measure::Unstated(words)
    }
}

/// The plan writes a directive target's figure somewhere, as a target or in its text.
fn figure_written(cx: &Context, target: &crate::model::Target) -> bool {
    writes_figure(
        cx,
        target,
        cx.doc.targets.iter(),
        std::iter::once(cx.src.text.as_str()),
    )
}

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(ag) = &cx.against else { return };
    let mut reported = std::collections::HashSet::new();
    for pair in &ag.alignment.pairs {
        let dt = &ag.doc.tasks[pair.directive];
        let pt = &cx.doc.tasks[pair.plan];
        for &ti in &dt.targets {
            // Compared elsewhere (weakened-target), or already reported at another carrier.
            if ag.alignment.targets.iter().any(|tp| tp.directive == ti) || reported.contains(&ti) {
                continue;
            }
            let target = &ag.doc.targets[ti];
            // A figure alone is not judged at a carrier: read blind, most such findings on the
            // development pairs stood at a carrier of another part of the task (a lottery's
            // prizes at the plan's coupon rules), where the measure's words would have told.
            let Measure::Unstated(words) = unstated_measure(cx, ag, target) else {
                continue;
            };
            if carriers_repeat(cx, ag, pair.directive, target) {
                continue;
            }
            reported.insert(ti);
            let message = t!(
                cx,
                "message",
                task = cx.task(&pt.number),
                words = words,
                target = ag.src.slice(target.span)
            );
            // At the plan's sentence of that measure (降低公积金贷款首付比例 where the directive
            // said 首付比例调整为20%), else at the task's first line.
            let query = crate::align::target_context(ag.src, target);
            let place = crate::align::closest_sentence(cx.src, pt.span, query)
                .unwrap_or_else(|| cx.headline(pt));
            out.report(RULE, place, message)
                .directive(target.span, cx.task(&dt.number))
                .help(t!(cx, "help", target = ag.src.slice(target.span)));
        }
    }
    goals(cx, ag, out);
}

/// The directive's goals (目标 paragraphs: targets of no task) that the plan states nowhere,
/// reported once each at the plan's title. A goal's task-level twin is judged above.
fn goals(cx: &Context, ag: &super::Against, out: &mut Findings) {
    let Some(place) = cx
        .doc
        .facts
        .title
        .or_else(|| cx.doc.tasks.first().map(|t| cx.headline(t)))
    else {
        return;
    };
    // Carried: a plan task carries it, or the reviewer marked it not applicable.
    let carried = |d: usize| {
        ag.alignment.pairs.iter().any(|p| p.directive == d)
            || ag.alignment.verdicts[d].coverage == crate::align::Coverage::NotApplicable
    };
    for target in &ag.doc.targets {
        let task = match target.task {
            None if !target.allowance => None,
            None => continue,
            // A task the plan does not carry takes its targets with it: each is a promise the
            // reviewer checks on its own (指标对照), said once at the plan's title.
            Some(d)
                if !carried(d) && !ag.doc.tasks[d].condition && !ag.doc.tasks[d].not_applicable =>
            {
                Some(&ag.doc.tasks[d])
            }
            Some(_) => continue,
        };
        let target_text = ag.src.slice(target.span);
        let message = match (unstated_measure(cx, ag, target), task) {
            (Measure::Unstated(words), None) => {
                t!(cx, "goal", words = words, target = target_text)
            }
            (Measure::Unstated(words), Some(dt)) => t!(
                cx,
                "uncarried",
                dtask = cx.task(super::missing_task::as_numbered(&dt.number)),
                words = words,
                target = target_text
            ),
            // A goal's figure alone says too little to report: its measure is what a
            // reviewer compares. A task's figure is the task's promise, dropped with it where
            // the plan writes it nowhere.
            (Measure::Unnamed, Some(dt)) if !figure_written(cx, target) => t!(
                cx,
                "uncarried-figure",
                dtask = cx.task(super::missing_task::as_numbered(&dt.number)),
                target = target_text
            ),
            _ => continue,
        };
        out.report(RULE, place, message)
            .directive(
                target.span,
                task.map_or(String::new(), |dt| cx.task(&dt.number)),
            )
            .help(t!(cx, "help-goal"));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_against;

    #[test]
    fn a_directive_goal_the_plan_states_nowhere_is_reported_at_the_plan_title() {
        // From a provincial OPC action plan and a district plan of it: the goals paragraph
        // promises counts (培育10个…社区, 集聚万名…人才); the plan restates one of them.
        let directive = "广东省人工智能OPC行动方案\n一、工作目标\n2026年，先行培育10个具有引领效应的人工智能OPC生态社区，集聚万名人工智能OPC创新创业人才。\n二、重点任务\n（一）建设社区。支持各地建设OPC社区。\n";
        let plan = "龙华区人工智能OPC行动方案\n一、重点任务\n（一）建设社区。到2026年，培育10个人工智能OPC生态社区。（区科技局负责）\n";
        let f = findings_against(plan, directive, super::RULE);
        assert_eq!(
            f,
            vec![(
                1,
                1,
                "the directive's goal `集聚万名` for `人工智能创新创业人才` is stated nowhere in the plan"
                    .to_string()
            )]
        );
    }

    /// pairs/ningbo-gaoxin-housing-subsidy: the directive's housing-fund item sets down
    /// payments (不低于30%, 不低于20%); a plan that leaves the item out loses both, each said
    /// at the plan's title with its measure named whole (贷款首付比例, without 调整为). A plan
    /// that states the measure elsewhere, or a task marked not applicable, loses nothing.
    #[test]
    fn the_targets_of_a_task_the_plan_leaves_out_are_said_at_its_title() {
        let directive = "宁波市若干政策\n一、措施\n（一）优化住房公积金政策。缴存职工家庭申请住房公积金贷款购买首套自住住房的，贷款首付比例调整为不低于30%，其中新建商品住房贷款首付比例调整为不低于20%。\n（二）发放购房补贴。对购买新建商品住房的给予契税补贴。\n";
        let plan = |extra: &str| {
            format!("高新区购房补贴实施办法\n一、对购买新建商品住房的给予契税补贴。{extra}（区住建局负责）\n")
        };
        let f = findings_against(&plan(""), directive, super::RULE);
        assert_eq!(
            f,
            vec![
                (1, 1, "the directive's target `不低于20%` for `新建商品住房贷款首付比例` (task 一、（一）) is stated nowhere in the plan".to_string()),
                (1, 1, "the directive's target `不低于30%` for `贷款首付比例` (task 一、（一）) is stated nowhere in the plan".to_string()),
            ]
        );
        let f = findings_against(
            &plan("公积金贷款首付比例不低于30%，新建商品住房贷款首付比例不低于20%。"),
            directive,
            super::RULE,
        );
        assert_eq!(f, vec![]);
        let marked = crate::testing::findings_against_with_config(
            &plan(""),
            directive,
            super::RULE,
            "[[not-applicable]]\ndirective = \"缴存职工家庭申请住房公积金贷款\"\nreason = \"本区不管理公积金\"\n",
        );
        assert_eq!(marked, vec![]);
    }

    /// pairs/s13-jiangsu-zhenjiang-housing-fund: the plan extends the directive's measure by
    /// name (“降低公积金贷款首付比例”…延续实施) under a heading of its own; the finding points at
    /// that sentence, where the figure is missing, not at the heading.
    #[test]
    fn a_dropped_figure_is_said_at_the_sentence_carrying_its_measure() {
        let directive = "镇江市若干措施\n一、优化公积金政策\n1.降低公积金贷款首付比例。缴存职工家庭首次使用公积金进行公积金贷款的首付比例调整为20%。\n";
        let plan = "镇江市住房公积金管理中心通知\n一、延续公积金贷款支持政策\n为发挥住房公积金住房保障作用,现将有关事项通知如下。对“降低公积金贷款首付比例”政策延续实施至2025年12月31日。\n";
        let f = findings_against(plan, directive, super::RULE);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (3, 27), "{f:?}");
    }

    /// pairs/shenzhen-longgang-opc: the directive allows sums of money (给予最高100万元创业资助,
    /// 最高60万元个人创业担保贷款); a plan that keeps the support but no sum drops them, named by
    /// what the money is for. A plan that keeps the sum drops nothing.
    #[test]
    fn a_sum_of_money_allowed_is_a_target_named_by_what_it_pays_for() {
        let directive = "深圳市OPC行动方案\n一、重点任务\n（一）提供创业启动支持。对符合条件的创业项目给予最高100万元创业资助，提供最高60万元个人创业担保贷款。\n";
        let plan = |support: &str| {
            format!("龙岗区OPC若干措施\n一、创业启动支持。对符合条件的创业项目{support}，提供个人创业担保贷款。（区人力资源局负责）\n")
        };
        let f = findings_against(&plan("给予创业资助"), directive, super::RULE);
        assert_eq!(
            f.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(),
            [
                "task 一、 carries the directive's task but not its target for `个人创业担保贷款`: `最高60万元`",
                "task 一、 carries the directive's task but not its target for `创业资助`: `最高100万元`"
            ]
        );
        let f = findings_against(&plan("给予最高100万元创业资助"), directive, super::RULE);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    /// pairs/shenzhen-longgang-opc: a task the plan leaves out allows a sum named by a noun of
    /// two characters (最高3000万元资助), too short to look for as a measure: the figure is looked
    /// for instead and said alone. A plan that writes the figure anywhere keeps it; 13000万元 is
    /// not 3000万元.
    #[test]
    fn the_figure_of_a_task_left_out_is_said_when_the_plan_writes_it_nowhere() {
        let directive = "深圳市OPC行动方案\n一、重点任务\n（一）建设社区。支持各区建设OPC社区。\n（二）开展揭榜挂帅。成功揭榜的项目可获得最高3000万元资助。\n";
        let plan = |extra: &str| {
            format!("龙岗区OPC若干措施\n一、建设社区。支持建设OPC社区。{extra}（区科技局负责）\n")
        };
        assert_eq!(
            findings_against(&plan(""), directive, super::RULE),
            vec![(
                1,
                1,
                "the directive's figure `最高3000万元` (task 一、（二）) is written nowhere in the plan"
                    .to_string()
            )]
        );
        assert_eq!(
            findings_against(
                &plan("对重大项目给予最高3000万元支持。"),
                directive,
                super::RULE
            ),
            vec![]
        );
        assert_eq!(
            findings_against(&plan("社区面积13000万元。"), directive, super::RULE).len(),
            1
        );
    }

    /// pairs/fujian-fuzhou-housing-fund: the directive's period (在12个月内购买第二套自住住房) stands in
    /// the plan as 自出售之日起12个月内, which the plan does not read as a target: the figure kept
    /// as written is no target dropped; 112个月 is not 12个月.
    #[test]
    fn a_figure_kept_as_written_is_not_dropped() {
        let directive = "福建省若干意见\n一、措施\n（一）支持卖旧换新。缴存人在省内出售自有住房并在12个月内购买第二套自住住房申请住房公积金贷款，按照首套房利率执行。\n";
        let plan = |period: &str| {
            format!("福州市通知\n一、鼓励“卖旧换新”。缴存人家庭在省内出售自有住房，且自出售之日起{period}内，在购房所在县（市）区购买第二套自住住房申请公积金贷款的，按照首套个人住房公积金贷款利率执行。\n")
        };
        assert_eq!(
            findings_against(&plan("12个月"), directive, super::RULE),
            vec![]
        );
        let f = findings_against(&plan("112个月"), directive, super::RULE);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].2.ends_with("`12个月内`"), "{f:?}");
    }

    /// A count promised after 至少 and a verb (至少确定1个…项目开展…试点) is a target; the plan that
    /// carries the pilot without the count drops it, and the report names what is counted
    /// (pairs/jiangxi-dean-housing, directive line 33, plan line 29).
    #[test]
    fn a_promised_count_after_a_verb_the_plan_leaves_out_is_reported() {
        let directive = "九江市若干措施\n一、措施\n（二十四）稳步推进“交房即交证”改革。建立自然资源、住建、税务等部门参与的联合共享机制。2023年底前,县(市、区)至少确定1个新建商品房项目开展“交房即交证”改革试点,逐步实现“交房即交证”常态化。(责任单位:市自然资源局、市住建局)\n";
        let carried = |pilot: &str| {
            format!("德安县若干措施\n一、措施\n(二十)稳步推进“交房即交证”改革。建立县自然资源局、住建局、税务局等部门参与的联合共享机制。{pilot}逐步实现“交房即交证”常态化。(责任单位:县自然资源局、县住建局)\n")
        };
        let f = findings_against(
            &carried("在新建商品房项目开展“交房即交证”改革试点,"),
            directive,
            super::RULE,
        );
        // At the sentence of the pilot, where the count is missing.
        assert_eq!(
            f,
            vec![(
                3,
                48,
                "task 一、(二十) carries the directive's task but not its target for `新建商品房项目`: `确定1个`"
                    .to_string()
            )]
        );
        let f = findings_against(
            &carried("2023年底前,至少确定1个新建商品房项目开展“交房即交证”改革试点,"),
            directive,
            super::RULE,
        );
        assert_eq!(f, vec![]);
    }
}
