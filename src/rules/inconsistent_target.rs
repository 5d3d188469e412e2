//! `inconsistent-target` (PL107): one measure promised with different values in one plan.
//! See rules/rules.toml.

use super::{Context, Findings};
use crate::data::Bound;
use crate::model::{Origin, Target};
use std::collections::HashMap;

pub const RULE: &str = "inconsistent-target";

/// A measure: metric word, canonical unit, and whether it is an upper bound.
type Measure = (String, String, bool);

/// How many earlier targets of one measure and one value are kept to compare later ones with:
/// enough for every real plan, and a bound on the work for a pathological one.
const KEPT_PER_VALUE: usize = 8;

/// Same measure of an outcome (a rate or a degree: rules/metrics.toml `outcome_endings`; other
/// figures are parameters of rules, set per case): same metric word, same unit, same
/// direction, for the same year (both dated
/// alike, or both undated: 2025年60% and 2030年80% are a trajectory, 力争到2035年95% beside 2023年
/// 80% too), not a standing share (按不低于5%的比例), a cap per case (不超过5万元, 测算比例不超过
/// 20%), an allowance (可提高至35%, 最高50万元) or a promised count (建成10个: each counts other
/// things), not in one paragraph (tiers by category: 烘干机不超过12万元，收获机不超过40万元), and either
/// near-identical subjects, or the only target of that measure in the text and the only one in
/// the table.
/// Each target is reported once, against the first earlier target that contradicts it.
pub fn run(cx: &Context, out: &mut Findings) {
    let targets = &cx.doc.targets;
    let origin = |t: &Target| t.task.map_or(Origin::Body, |k| cx.doc.tasks[k].origin);
    let key = |t: &Target| -> Option<Measure> {
        let metric = t.metric.clone()?;
        let outcome = |m: &str| {
            let endings = &cx.data.metrics.target.outcome_endings;
            endings.iter().any(|e| m.ends_with(e.as_str()))
        };
        if metric.chars().count() < 2
            || !outcome(&metric)
            || matches!(t.bound, Bound::Increase)
            || t.value_max.is_some()
            || t.status
            || t.respectively.is_some()
            || t.task.is_some_and(|k| cx.doc.tasks[k].condition)
            || t.standing
            || (t.bound == Bound::AtMost && cap(cx, t, &metric))
            || t.allowance
            || t.promised
            || t.tiered
        {
            return None;
        }
        let unit = cx.data.metrics.canonical_unit(&t.unit).to_string();
        Some((metric, unit, t.bound == Bound::AtMost))
    };
    let keys: Vec<_> = targets.iter().map(key).collect();
    // How many targets of each measure each origin holds (body text, table).
    let mut per_origin: HashMap<(&Measure, Origin), usize> = HashMap::new();
    for (t, k) in targets.iter().zip(&keys) {
        if let Some(k) = k {
            *per_origin.entry((k, origin(t))).or_default() += 1;
        }
    }
    let only = |k, o| per_origin.get(&(k, o)) == Some(&1);
    let min_similarity = cx.param_f64(RULE, "min_subject_similarity", 0.6);
    // Earlier targets by measure, then by value (as bits: values are compared exactly).
    let mut earlier: HashMap<&Measure, Vec<(u64, Vec<usize>)>> = HashMap::new();
    for (j, b) in targets.iter().enumerate() {
        let Some(kb) = &keys[j] else { continue };
        let groups = earlier.entry(kb).or_default();
        let conflict = groups
            .iter()
            .filter(|(v, _)| *v != b.value.to_bits())
            .flat_map(|(_, idx)| idx.iter().copied())
            .filter(|&i| {
                let a = &targets[i];
                // Different years of one measure are a trajectory (2025年60%, 2030年80%).
                let year = |t: &Target| t.year.as_ref().and_then(|d| d.year);
                if year(a) != year(b) {
                    return false;
                }
                // Values of one paragraph are tiers or parts, which a drafter sees side by side.
                if !cx.src.text[a.span.end.min(b.span.start)..b.span.start].contains(['\n', '\r']) {
                    return false;
                }
                // 比例不低于40% beside 比例不低于30%: a measure word with no holder in its clause
                // says nothing of whose share it is.
                let bare = |t: &Target| cx.text(t.subject).trim() == kb.0;
                if bare(a) && bare(b) {
                    return false;
                }
                let only_pair =
                    origin(a) != origin(b) && only(kb, origin(a)) && only(kb, origin(b));
                only_pair || similarity(cx.text(a.subject), cx.text(b.subject)) >= min_similarity
            })
            .min();
        match groups.iter_mut().find(|(v, _)| *v == b.value.to_bits()) {
            Some((_, idx)) if idx.len() < KEPT_PER_VALUE => idx.push(j),
            Some(_) => {}
            None => groups.push((b.value.to_bits(), vec![j])),
        }
        let Some(i) = conflict else { continue };
        let a = &targets[i];
        out.report(
            RULE,
            b.span,
            t!(
                cx,
                "message",
                metric = kb.0,
                here = cx.text(b.span),
                there = cx.text(a.span)
            ),
        )
        .related(a.span, t!(cx, "related"))
        .help(t!(cx, "help"));
    }
}

/// An upper limit set per case: in money (不超过5万元) or on a share (测算比例不超过20%).
fn cap(cx: &Context, t: &Target, metric: &str) -> bool {
    let words = &cx.data.metrics.target;
    words.cap_units.contains(&t.unit)
        || words
            .cap_metrics
            .iter()
            .any(|m| metric.ends_with(m.as_str()))
}

/// Dice similarity of character bigrams.
pub fn similarity(a: &str, b: &str) -> f64 {
    let bg = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (x, y) = (bg(a), bg(b));
    if x.is_empty() || y.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let mut y_left = y.clone();
    let mut shared = 0;
    for p in &x {
        if let Some(k) = y_left.iter().position(|q| q == p) {
            y_left.swap_remove(k);
            shared += 1;
        }
    }
    2.0 * shared as f64 / (x.len() + y.len()) as f64
}

#[cfg(test)]
mod tests {
    #[test]
    fn years_of_one_measure_are_a_trajectory_and_standing_shares_no_targets() {
        let plan = "某县实施方案\n一、工作目标\n到2025年，全县食品抽检合格率达到60%。\n二、主要任务\n（一）抽检。到2030年，全县食品抽检合格率达到80%以上。（县市场监管局负责）\n（二）考核。食品抽检合格率按不低于5%的比例纳入考核。（县财政局负责）\n（三）考核。食品抽检合格率按不低于3%的分值纳入考核。（县财政局负责）\n（四）抽检。到2025年，全县食品抽检合格率达到70%。（县市场监管局负责）\n";
        let f = crate::testing::findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(
                8,
                23,
                "合格率 is promised as `达到70%` here but `达到60%` elsewhere in this plan"
                    .to_string()
            )]
        );
    }

    use crate::testing::findings_of;

    #[test]
    fn only_one_year_of_one_measure_contradicts_and_caps_per_case_never_do() {
        // 2035 beside 2023 is a trajectory; an undated value beside a dated one is no pair;
        // caps by machine class (in one paragraph or two) are tiers of a rule, not targets.
        let plan = "某县实施方案\n一、工作目标\n到2023年，重点人群签约覆盖率达到80%。\n二、主要任务\n（一）签约。力争到2035年，重点人群签约覆盖率达到95%。（县卫健局负责）\n（二）补贴。烘干机单机补贴限额不超过12万元，甘蔗收获机单机补贴限额不超过40万元。（县农业农村局负责）\n（三）补贴。拖拉机单机补贴限额不超过10万元。（县农业农村局负责）\n（四）签约。重点人群签约覆盖率达到90%。（县卫健局负责）\n（五）签约。到2023年，重点人群签约覆盖率达到85%。（县卫健局负责）\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            vec![(9, 23)],
            "{f:?}"
        );
    }

    #[test]
    fn caps_on_a_share_and_allowances_are_rules_not_promises() {
        // From a provincial subsidy plan: shares a rule allows (可提高至35%, 可提高至40%) and caps on a
        // share for one class of machines (不超过20%, 调至30%以下) are parameters, not targets.
        let plan = "某省实施方案\n一、补贴标准\n（一）新产品。对创新产品给予特定补贴支持，补贴额测算比例可提高至35%，成功推向市场的转为常规补贴，补贴额测算比例调至30%以下。\n（二）提高。对移动式烘干机，补贴额测算比例可提高至40%。\n（三）降低。逐步降低保有量明显过多机具的补贴额，补贴额测算比例不超过20%。\n二、工作目标\n（一）签约。重点人群签约覆盖率达到80%。（县卫健局负责）\n（二）签约。重点人群签约覆盖率达到90%。（县卫健局负责）\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(
                8,
                16,
                "覆盖率 is promised as `达到90%` here but `达到80%` elsewhere in this plan"
                    .to_string()
            )]
        );
    }

    #[test]
    fn a_measure_word_without_its_holder_and_a_ceiling_after_zuichang_are_not_compared() {
        // From a city employment package: 比例 of state-firm hiring and of community posts;
        // subsidy periods of two programmes (最长不超过12个月, 最长不超过36个月).
        let plan = "一、措施\n（一）国企招聘。定向招用应届高校毕业生,比例不低于40%。（市国资委负责）\n（二）基层岗位。出现空缺原则上优先招录应届高校毕业生,比例不低于30%。（市人社局负责）\n（三）社保补贴。可享受社会保险补贴,补贴最长期限不超过12个月。（市人社局负责）\n（四）生活补贴。补贴期限最长不超过36个月。（市人社局负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }

    #[test]
    fn subjects_compare_without_their_spaces() {
        assert_eq!(super::similarity("食品 抽检 合格率", "食品抽检合格率"), 1.0);
        assert_eq!(super::similarity("食品抽检", "农药残留"), 0.0);
    }

    #[test]
    fn increases_add_up_rather_than_contradict() {
        let plan = "一、任务\n（一）抽检。食品抽检合格率提高2个百分点。（县市场监管局负责）\n（二）监测。食品抽检合格率提高3个百分点。（县市场监管局负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }

    #[test]
    fn respectively_lists_and_status_figures_are_not_promises_to_compare() {
        let plan = "白府办发〔2021〕12号\n一、重点任务\n（一）抽检。食品和食用农产品抽检合格率分别达到98%、96%。（区市场监管局负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        let plan = "白府办发〔2021〕12号\n一、工作基础\n“十三五”期间，全区食品抽检合格率达到96%。目前全区农产品抽检合格率已达到95%。\n二、重点任务\n（一）加强抽检，全区食品抽检合格率达到98%。（区市场监管局负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        // The same figures as promises do contradict each other.
        let plan = "白府办发〔2021〕12号\n一、重点任务\n（一）加强抽检，全区食品抽检合格率达到96%。（区市场监管局负责）\n（二）加强抽检，全区食品抽检合格率达到98%。（区市场监管局负责）\n";
        assert_eq!(findings_of(plan, super::RULE).len(), 1);
    }

    #[test]
    fn fires_on_same_measure_different_value() {
        let plan = "一、任务\n（一）抽检。食品抽检合格率达到98%以上。（县市场监管局负责）\n（二）监测。食品抽检合格率达到96%以上。（县市场监管局负责）\n";
        assert_eq!(findings_of(plan, super::RULE).len(), 1);
    }

    #[test]
    fn silent_on_different_measures_of_one_kind() {
        let plan = "一、任务\n（一）抽检。农产品质量安全监测总体合格率稳定在97%以上，食品抽检合格率稳定在98%以上。（县市场监管局负责）\n（二）考核。法规知识抽查考核合格率要达到90%以上。（县市场监管局负责）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }

    /// From unseen housing notices (2026-12-06 batch: s8a 036, 072): down payments by the age
    /// of a resold house (…的:首套房…20%) and flat areas of different projects are parameters
    /// of rules, not outcomes: only a rate or a degree is one measure the plan must state alike.
    #[test]
    fn only_measures_of_an_outcome_are_compared() {
        let plan = "某市措施\n一、再交易房\n再交易房房龄在15年(含)以内的:首套房最低首付款比例为20%。\n再交易房房龄在15年(不含)至25年(含)的:首套房最低首付款比例为30%。\n二、配售房源\n（一）安居君兰湾府\n本次配售两房户型建筑面积约71平方米。\n（二）华侨城九樾广场\n本次配售两房户型建筑面积约66平方米。\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        // The same two lines as outcomes of the plan: a rate stated twice.
        let rates = plan
            .replace(
                "房龄在15年(含)以内的:首套房最低首付款比例为20%",
                "网签覆盖率达到90%",
            )
            .replace(
                "房龄在15年(不含)至25年(含)的:首套房最低首付款比例为30%",
                "网签覆盖率达到95%",
            );
        assert_eq!(findings_of(&rates, super::RULE).len(), 1);
    }

    /// From unseen housing measures: figures of one rule for different cases, each named by a
    /// clause closed by 的 or opened by 对于, are parameters, not one measure promised twice;
    /// the same measure restated for the plan as a whole still is.
    #[test]
    fn figures_for_different_cases_are_no_contradiction() {
        let plan = "某市措施\n一、任务\n（一）优化首付。购买首套住房的，最低首付款比例调整为不低于20%；购买二套住房，位于五环以内的，最低首付款比例调整为不低于35%。（市住建委负责）\n（二）公积金。对于使用住房公积金贷款购买自住住房的缴存职工家庭，最低首付款比例统一为不低于20%。（市公积金中心负责）\n（三）商贷。对于贷款购买住房的居民家庭，最低首付款比例统一为15%。（人民银行市分行负责）\n（四）人才住房。申请共有产权住房的，面积为120平方米左右。申请人才公寓的，面积为90平方米左右。（市住建委负责）\n";
        assert_eq!(crate::testing::findings_of(plan, super::RULE), vec![]);
        let restated = "某县实施方案\n一、工作目标\n全县食品抽检合格率达到98%。\n二、主要任务\n（一）抽检。全县食品抽检合格率达到97%。（县市场监管局负责）\n";
        assert_eq!(crate::testing::findings_of(restated, super::RULE).len(), 1);
    }
}
