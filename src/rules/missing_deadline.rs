//! `missing-deadline` (PL104): a table task with an empty 完成时限 that continues no merged
//! cell, a target in a multi-year plan with no year, and (against a directive) a task whose
//! directive counterpart has a deadline. See rules/rules.toml.

use super::{Context, Findings};
use crate::data::Bound;
use crate::model::{Origin, Target};

pub const RULE: &str = "missing-deadline";

pub fn run(cx: &Context, out: &mut Findings) {
    // Examples in the help are dated from the plan itself.
    let example = match cx.doc.facts.year {
        Some((y, _)) => format!("{y}年6月底前完成"),
        None => "6月底前完成".to_string(),
    };
    for t in &cx.doc.tasks {
        if t.origin == Origin::Table
            && cx.doc.table_of(t).is_some_and(|x| x.deadline_column)
            && t.deadline.is_none()
            && !t.condition
            && !t.not_applicable
            && t.packed.is_none()
        {
            out.report(
                RULE,
                cx.headline(t),
                t!(cx, "table", task = cx.task(&t.number)),
            )
            .help(t!(cx, "help-table", example = example));
        }
    }
    // An annual plan gives every task and target the year's end. A plan that dates none of its
    // targets states standards, not goals to reach by a date.
    // Only where the plan dates its goals by several years (到2023年, 2025年底前; a day such as
    // 自2022年1月1日起 or 执行至2024年12月31日 dates a rule, not a goal) and names no period of
    // its own (…行动方案（2023—2025年）gives its undated targets the period's end) is an undated
    // target's year in doubt.
    let years: std::collections::BTreeSet<i32> = cx
        .doc
        .targets
        .iter()
        .filter(|t| !t.status)
        .filter_map(|t| t.year.filter(|d| d.day.is_none())?.year)
        .collect();
    // A stated term (以上政策措施…有效期至2023年12月31日) dates them as a title period does.
    let in_doubt = years.len() >= 2
        && cx.doc.facts.period.is_none()
        && cx.doc.facts.validity.is_none()
        && !cx.doc.is_annual();
    if let Some(&year) = years.last().filter(|_| in_doubt) {
        for target in &cx.doc.targets {
            if is_goal(cx, target) && !has_time(cx, target) {
                out.report(
                    RULE,
                    target.span,
                    t!(cx, "target", target = with_measure(cx, target)),
                )
                .help(t!(cx, "help-target", year = year));
            }
        }
    }
    if let Some(against) = &cx.against {
        for pair in &against.alignment.pairs {
            let d = &against.doc.tasks[pair.directive];
            let p = &cx.doc.tasks[pair.plan];
            if d.deadline.as_ref().is_some_and(|x| x.when.end.is_some())
                && p.deadline.is_none()
                && !pair.shared
            {
                let dd = d
                    .deadline
                    .as_ref()
                    .map(|x| x.text.clone())
                    .unwrap_or_default();
                out.report(
                    RULE,
                    cx.headline(p),
                    t!(
                        cx,
                        "directive",
                        task = cx.task(&p.number),
                        dtask = cx.task(&d.number),
                        deadline = dd
                    ),
                )
                .directive(d.span, cx.task(&d.number))
                .help(t!(cx, "help-directive"));
            }
        }
    }
}

/// A target quoted with the measure it sets, whole (受污染耕地安全利用率达到91%, not 达到91% alone,
/// nor a measure cut mid-word); the figure alone when the measure is long or follows it.
fn with_measure(cx: &Context, target: &Target) -> String {
    let figure = cx.text(target.span);
    if target.subject.start >= target.span.end {
        return figure.to_string();
    }
    let measure = crate::align::measure_words(cx.text(target.subject));
    let n = measure.chars().count();
    if !(2..=MEASURE_QUOTED).contains(&n) || figure.contains(measure.as_str()) {
        return figure.to_string();
    }
    format!("{measure}{figure}")
}

/// The longest measure quoted whole before its figure, in characters.
const MEASURE_QUOTED: usize = 30;

/// A level to reach (达到90%, 不少于50个), not a cap (不超过1%, 48小时内), a time limit
/// (办理时限压缩至1个工作日内) nor a threshold of
/// money or people (500万元以上, 超过100人) that rules state without a date.
fn is_goal(cx: &Context, target: &Target) -> bool {
    let m = &cx.data.metrics;
    if target.status || target.allowance || target.standing {
        return false;
    }
    // An amount of money or people is a rule's parameter even when raised (贷款额度提高到60万元).
    let threshold = m
        .units
        .threshold_units
        .iter()
        .any(|u| m.canonical_unit(u) == m.canonical_unit(&target.unit));
    // A share a rule fixes (支付比例不低于85%, 民营企业比例不低于70%) holds always; a goal share
    // says what it is a share of (占新建建筑比例达到70%).
    let rule_share =
        target.metric.as_deref() == Some("比例") && !cx.text(target.subject).contains('占');
    // A time limit (办理时限压缩至1个工作日内) is a service standard, held from the day the
    // plan is issued, whether it is cut or stated.
    !threshold
        && !rule_share
        && !m.lower_is_stricter(&target.unit)
        && (target.change || !matches!(target.bound, Bound::AtMost))
}

/// A target is dated by its own sentence, by 每年/年度 wording, by its task's deadline, or by a
/// date in the outline block it stands in (a 时间安排 line under the same item).
fn has_time(cx: &Context, target: &Target) -> bool {
    // A bare number (100%溯源, 2—3名) states a standard or quota, not a goal to reach by a date.
    // A count a verb promises (建成10个) is a quota of the task, dated with it or not at all.
    if target.year.is_some() || target.periodic || target.bound == Bound::Exactly || target.promised
    {
        return true;
    }
    if let Some(k) = target.task {
        let t = &cx.doc.tasks[k];
        if t.condition || t.deadline.is_some() || t.not_applicable || t.packed.is_some() {
            return true;
        }
        return false;
    }
    // The stretch from the heading above it to the next heading names a date.
    let at = target.span.start;
    let blocks = &cx.doc.dated_blocks;
    let k = blocks.partition_point(|b| b.end <= at);
    blocks.get(k).is_some_and(|b| b.start <= at)
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn undated_target_in_multi_year_plan() {
        let plan = "一、任务\n（一）治理。受污染耕地安全利用率达到91%。（县农业农村局负责）\n（二）监管。到2022年，抽检合格率达到98%以上。到2023年，达到99%。（县市场监管局负责）\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(
                2,
                17,
                "target `受污染耕地安全利用率达到91%` has no year in a multi-year plan".to_string()
            )]
        );
    }

    #[test]
    fn an_undated_target_takes_the_period_or_the_one_year_or_is_a_standing_rule() {
        let tasks = "二、任务\n（一）治理。受污染耕地安全利用率达到91%。（县农业农村局负责）\n（二）监管。到2022年，抽检合格率达到98%以上。（县市场监管局负责）\n";
        // A period in the title dates it (its end).
        let plan = format!("某县食品安全行动方案（2021—2023年）\n一、工作目标\n到2023年，抽检合格率达到99%。\n{tasks}");
        assert_eq!(findings_of(&plan, super::RULE), vec![]);
        // One year among the targets dates it.
        let plan = format!("一、工作目标\n到2022年，抽检合格率达到99%。\n{tasks}");
        assert_eq!(findings_of(&plan, super::RULE), vec![]);
        // Days date rules, not goals (自2023年1月1日起, 执行至2024年12月31日).
        let plan = "一、支持企业\n（一）采购。自2023年1月1日起，预留比例由44%提高至60%。执行至2024年12月31日，融资担保费率不超过1%。（县财政局负责）\n二、任务\n（一）治理。受污染耕地安全利用率达到91%。（县农业农村局负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        // A time limit cut or stated is a service standard from the day of issue (a county's
        // plan: 办理时限压缩至1个工作日内; seed 003: 许可时限由15天压缩到12天以内).
        let limits = "某县优化营商环境行动方案\n一、任务\n（一）提速。不动产登记办理时限压缩至1个工作日内，食品经营许可时限由15天压缩到12天以内。（县政务服务局负责）\n（二）监管。到2025年，抽检合格率达到98%以上。（县市场监管局负责）\n（三）监管。到2023年，抽检合格率达到96%以上。（县市场监管局负责）\n";
        assert_eq!(findings_of(limits, super::RULE), vec![]);
    }

    #[test]
    fn caps_and_thresholds_need_no_year() {
        let plan = "一、任务\n（一）治理。抽检不合格率不超过1%，对投资500万元以上的项目给予支持。（县农业农村局负责）\n（二）监管。到2022年，抽检合格率达到98%以上。（县市场监管局负责）\n（三）公积金。贷款最高额度提高到60万元，已缴纳不低于50%的土地出让价款票据可先行办理许可，达到首批次集中交付30%以上的,给予信用分值加分，全年开展推介活动不少于2次。（县住建局负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }

    #[test]
    fn annual_plans_are_dated_by_their_year() {
        let plan = "2018年某市食品安全重点工作安排\n一、任务\n（一）治理。受污染耕地安全利用率达到91%。（县农业农村局负责）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }

    /// From corpus-judged/x05 and x08: a package whose measures hold for a stated term dates
    /// its counts; a share a rule fixes (民营企业比例不低于70%) and a size class (54个万亩以上工业
    /// 集聚区) are no goals at all.
    #[test]
    fn a_stated_term_rule_shares_and_size_classes_need_no_year() {
        let goals = "一、任务\n1.稳定增长。到2023年，贷款增量达到20%。到2025年，达到30%。（省财政厅负责）\n";
        let count = "2.培育企业。新增上市企业30家以上。（省证监局负责）\n";
        let plan = format!("{goals}{count}");
        assert_eq!(
            findings_of(&plan, super::RULE),
            vec![(
                3,
                14,
                "target `新增上市企业30家以上` has no year in a multi-year plan".to_string()
            )]
        );
        let term = "以上政策举措自公布之日起实施,未特别注明时限的,有效期至2023年12月31日。\n";
        assert_eq!(findings_of(&format!("{plan}{term}"), super::RULE), vec![]);
        // A term of something else the plan mentions is not the plan's.
        let other = "服务协议有效期可为1年、2年或3年。\n";
        assert_eq!(findings_of(&format!("{plan}{other}"), super::RULE).len(), 1);
        let rules = "3.建立企业诉求直达机制。政府制定涉企政策时,原则上应邀请企业家、商协会代表共同参与,民营企业比例不低于70%、中小企业比例不低于50%。规划建设54个万亩以上工业集聚区。坚持“工改工”比例达70%以上。（省发展改革委负责）\n";
        assert_eq!(findings_of(&format!("{goals}{rules}"), super::RULE), vec![]);
        // A share of something named is a goal share.
        let share = "3.建筑节能。绿色建筑占新建建筑比例达到70%。（省住房城乡建设厅负责）\n";
        assert_eq!(
            findings_of(&format!("{goals}{share}"), super::RULE).len(),
            1
        );
    }

    /// Seed 003 (按不低于3%的分值纳入考核) and corpus-judged h07 (预留30%的号源（其中专家号源不低于
    /// 30%）): a weight and a share set aside are standing, not results to date.
    #[test]
    fn a_standing_weight_or_a_share_set_aside_needs_no_year() {
        let goals = "一、任务\n1.稳定增长。到2023年，贷款增量达到20%。到2025年，达到30%。（省财政厅负责）\n";
        let weight = "2.加强考核。将食品安全工作考核按不低于3%的分值纳入综合考核评价体系。（市委组织部负责）\n";
        let aside = "3.优化转诊。推动二级及以上医疗机构预留30%的号源（其中专家号源不低于30%）给家庭医生。（市卫生健康委负责）\n";
        let goal = "4.扩大签约。重点人群签约率不低于75%。（市卫生健康委负责）\n";
        assert_eq!(
            findings_of(&format!("{goals}{weight}{aside}{goal}"), super::RULE),
            vec![(
                5,
                15,
                "target `重点人群签约率不低于75%` has no year in a multi-year plan".to_string()
            )]
        );
    }
}
