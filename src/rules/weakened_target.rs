//! `weakened-target` (PL202): a plan target weaker than the directive's on the same measure.
//! See rules/rules.toml.

use super::{Context, Findings};
use crate::data::Bound;
use crate::model::Target;

pub const RULE: &str = "weakened-target";

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(ag) = &cx.against else { return };
    // A plan figure paired with several directive figures (one stated twice, in a summary and
    // an item; or a list of measures in one sentence: 社区超50个、平台上线好物工具超100个) is
    // said once, with the directive figure whose measure reads most like its own, then whose
    // sentence does.
    let mut said = rustc_hash::FxHashSet::default();
    let mut pairs: Vec<_> = ag
        .alignment
        .targets
        .iter()
        .map(|pair| {
            let (d, p) = (&ag.doc.targets[pair.directive], &cx.doc.targets[pair.plan]);
            let measure =
                crate::align::text_similarity(ag.src.slice(d.subject), cx.text(p.subject));
            (measure, pair)
        })
        .collect();
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.score.total_cmp(&a.1.score)));
    for (_, pair) in pairs {
        let d = &ag.doc.targets[pair.directive];
        let p = &cx.doc.targets[pair.plan];
        // Grant ceilings are compared only where both name what they grant, alike (最高10万元的
        // 入户补贴 beside 最高8万元入户补贴), or, naming nothing after the figure, are written
        // alike before it (每户最高不超过3万元 beside 每户最高不超过1.5万元): sentences alike pair a
        // 模型券 with an award.
        let grants = p.allowance && d.allowance;
        if grants
            && crate::align::same_noun(ag.src, d, cx.src, p) != Some(true)
            && crate::align::same_clause_head(ag.src, d, cx.src, p) != Some(true)
        {
            continue;
        }
        if said.contains(&pair.plan) {
            continue;
        }
        if let Some(why) = weaker(cx, p, d) {
            said.insert(pair.plan);
            let (plan, directive) = (cx.text(p.span), ag.src.slice(d.span));
            // A lower minimum says itself (“20个以上”低于“30个以上”); a higher maximum or a
            // figure turned into 左右 is said why.
            // The measure named in the plan's words (食品抽检合格率“达到95%以上”…): a target's
            // span is its figure and comparator, never its subject.
            let measure = super::measure_named(cx.src, p, cx.data);
            let message = match (why, measure) {
                (Some(why), None) => {
                    t!(cx, "message", plan = plan, directive = directive, why = why)
                }
                (Some(why), Some(m)) => t!(
                    cx,
                    "message-measure",
                    measure = m,
                    plan = plan,
                    directive = directive,
                    why = why
                ),
                (None, None) => t!(cx, "lower", plan = plan, directive = directive),
                (None, Some(m)) => t!(
                    cx,
                    "lower-measure",
                    measure = m,
                    plan = plan,
                    directive = directive
                ),
            };
            out.report(RULE, p.span, message)
                .directive(d.span, directive_task_label(cx, ag, d))
                .help(t!(cx, "help", directive = ag.src.slice(d.span)));
        }
    }
}

fn directive_task_label(cx: &Context, ag: &super::Against, d: &Target) -> String {
    d.task
        .map(|k| cx.task(&ag.doc.tasks[k].number))
        .unwrap_or_else(|| t!(cx, "outside"))
}

/// Whether `p` promises less than `d`, and why when its numbers do not say it themselves.
fn weaker(cx: &Context, p: &Target, d: &Target) -> Option<Option<String>> {
    // A ceiling a rule allows (最高50万元补贴, 补贴期限最长36个月) is what the plan grants: a
    // higher one grants more, never less ("最高500万元 is weaker than 最高10万元" was said).
    let grants = p.allowance && d.allowance;
    let lower_better =
        !grants && (cx.data.metrics.lower_is_stricter(&d.unit) || d.bound == Bound::AtMost);
    let firm = |b: Bound| matches!(b, Bound::AtLeast | Bound::AtMost | Bound::Exactly);
    if lower_better && p.value > d.value {
        return Some(Some(t!(
            cx,
            "more",
            a = super::number_text(p.value),
            b = super::number_text(d.value)
        )));
    }
    if !lower_better && p.value < d.value && d.bound != Bound::About {
        return Some(None);
    }
    if p.value == d.value && firm(d.bound) && p.bound == Bound::About {
        return Some(Some(t!(cx, "about")));
    }
    None
}

#[cfg(test)]
mod weaker_tests {
    use crate::testing::findings_against;

    const DIRECTIVE: &str = "一、任务\n（一）压缩审批时限。食品经营许可审批时限压缩到12天以内，抽检合格率达到98%以上。（市市场监管局负责）\n";

    #[test]
    fn a_longer_time_limit_and_a_lower_rate_are_weaker() {
        let plan = "一、任务\n（一）压缩审批时限。食品经营许可审批时限压缩到15天以内，抽检合格率达到96%以上。（县市场监管局负责）\n";
        let f = findings_against(plan, DIRECTIVE, super::RULE);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].0, f[1].0), (2, 2));
    }

    #[test]
    fn the_same_or_stricter_is_not_weaker() {
        let plan = "一、任务\n（一）压缩审批时限。食品经营许可审批时限压缩到12天以内，抽检合格率达到98%以上。（县市场监管局负责）\n";
        assert_eq!(findings_against(plan, DIRECTIVE, super::RULE), vec![]);
        let plan = "一、任务\n（一）压缩审批时限。食品经营许可审批时限压缩到10天以内，抽检合格率达到99%以上。（县市场监管局负责）\n";
        assert_eq!(findings_against(plan, DIRECTIVE, super::RULE), vec![]);
    }

    /// Issue 20: the message names the measure in the plan's words (食品抽检合格率“达到95%以上”),
    /// as the reviewer asked (which rate?).
    #[test]
    fn the_message_names_the_measure() {
        let directive =
            "一、任务\n（一）加强监管。到2025年，食品抽检合格率达到98%以上。（市市场监管局负责）\n";
        let plan =
            "一、任务\n（一）加强监管。到2025年，食品抽检合格率达到95%以上。（县市场监管局负责）\n";
        let f = findings_against(plan, directive, super::RULE);
        assert_eq!(
            f,
            vec![(
                2,
                23,
                "食品抽检合格率: `达到95%以上` is lower than the directive's `达到98%以上`"
                    .to_string()
            )]
        );
    }

    /// A floor written as a ban (首付比例不得低于20%) lowered to 15% is weaker; raised to 25% it
    /// is not (both were read as ceilings, so the lowered one looked stricter).
    #[test]
    fn a_floor_written_as_a_ban_lowered_is_weaker() {
        let directive = "一、措施\n（一）优化公积金政策。购买首套自住住房的，住房公积金贷款首付比例不得低于20%。（市公积金中心负责）\n";
        let plan = |v: &str| {
            format!("一、措施\n（一）优化公积金政策。购买首套自住住房的，住房公积金贷款首付比例不得低于{v}。（县公积金中心负责）\n")
        };
        assert_eq!(
            findings_against(&plan("15%"), directive, super::RULE),
            vec![(
                2,
                33,
                "住房公积金贷款首付比例: `不得低于15%` is lower than the directive's `不得低于20%`"
                    .to_string()
            )]
        );
        assert_eq!(
            findings_against(&plan("25%"), directive, super::RULE),
            vec![]
        );
    }

    /// A grant's ceiling (最高10万元入户补贴) is what the plan gives: a lower one gives less and is
    /// weaker, a higher one gives more; and a ceiling on another grant (扶持 for qualifications
    /// beside the directive's 入户补贴, in sentences alike) is no counterpart.
    #[test]
    fn grant_ceilings_compare_only_as_what_they_grant() {
        let directive = "一、任务\n（一）吸引青年人才。对新引进的博士、硕士、本科人才，分档给予最高10万元的入户补贴。（市人力资源局负责）\n";
        let plan = |grant: &str| {
            format!("一、任务\n（一）吸引青年人才。对新引进的博士、硕士、本科人才，分档给予{grant}。（区人力资源局负责）\n")
        };
        let f = findings_against(&plan("最高8万元的入户补贴"), directive, super::RULE);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].2,
            "`最高8万元` is lower than the directive's `最高10万元`"
        );
        assert_eq!(
            findings_against(&plan("最高12万元的入户补贴"), directive, super::RULE),
            vec![]
        );
        assert_eq!(
            findings_against(&plan("最高500万元扶持"), directive, super::RULE),
            vec![]
        );
    }

    /// pairs/s13c-sichuan-yibin-pingshan-housing: a grant's ceiling that names nothing after its
    /// figure (每户最高不超过3万元，符合多项条件的不作累加计算) is named by the words before it;
    /// the plan's ceiling written alike and lower is weaker, said once although the directive
    /// states the rule twice (its summary and its item). A ceiling counted per another thing
    /// (每人) is no counterpart.
    #[test]
    fn a_grant_ceiling_named_before_its_figure_lowered_is_weaker() {
        let directive = "宜宾市若干措施\n一、总体措施。对购房家庭给予一次性补贴,每户最高不超过3万元,符合多项条件的不作累加计算。\n二、具体措施\n(一)发放购房补贴。补贴按面积给予一次性补贴,每户最高不超过3万元,符合多项条件的不作累加计算。(责任单位:市住建局)\n";
        let plan = |per: &str| {
            format!("屏山县若干措施\n一、发放购房补贴。以上群体购房补贴按面积给予一次性补贴,{per}最高不超过1.5万元,符合多项条件的不作累加计算。(责任单位:县住建局)\n")
        };
        let f = findings_against(&plan("每户"), directive, super::RULE);
        assert_eq!(
            f,
            vec![(
                2,
                33,
                "`不超过1.5万元` is lower than the directive's `不超过3万元`".to_string()
            )]
        );
        assert_eq!(
            findings_against(&plan("每人"), directive, super::RULE),
            vec![]
        );
    }

    /// pairs/suzhou-taicang-opc: the directive lists its goals in one sentence (社区超50个、平台
    /// 上线好物工具超100个); the plan's 好物工具超20个 is compared with 超100个, the figure of its
    /// own measure, not with the count of communities beside it.
    #[test]
    fn a_plan_figure_is_compared_with_the_directive_figure_of_its_measure() {
        let directive = "苏州市行动方案\n一、目标\n到2028年，打造市级OPC社区超50个、市级OPC公共服务平台上线好物工具超100个，新增培育OPC企业1000家。\n";
        let plan = "太仓市行动方案\n一、目标\n到2028年，市级OPC公共服务平台上线好物工具超20个，打造高质量行业数据集及语料库40个。\n";
        let f = findings_against(plan, directive, super::RULE);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].2
                .ends_with("`超20个` is lower than the directive's `超100个`"),
            "{f:?}"
        );
    }
}
