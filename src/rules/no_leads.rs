//! `no-leads` (PL121): a plan none of whose tasks names a responsible unit planlint could read.
//! See rules/rules.toml.

use super::{Context, Findings};

pub const RULE: &str = "no-leads";

/// Fewer tasks than this are a notice or a letter more often than a plan.
const MIN_TASKS: usize = 3;

/// Never a silent pass on owners: a plan whose tasks all lack a lead is said once, at its
/// first task, when it owes owners (its genre and level: [`crate::model::Facts::owes_owners`]).
/// Where the plan shows that it names owners (责任单位：, a 牵头单位 column, a 职责分工
/// section), `missing-lead` says so instead, with the words it saw.
pub fn run(cx: &Context, out: &mut Findings) {
    let doc = cx.doc;
    if doc.tasks.len() < MIN_TASKS || doc.tasks.iter().any(|t| !t.leads.is_empty()) {
        return;
    }
    if doc.facts.owner_cue.is_some() || !doc.facts.owes_owners {
        return;
    }
    let first = &doc.tasks[0];
    out.report(
        RULE,
        cx.headline(first),
        t!(cx, "message", tasks = doc.tasks.len()),
    )
    .help(t!(cx, "help"));
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    /// The shape of corpus-judged x04 (广州市提振消费专项行动实施方案): numbered measures, none
    /// naming who carries it out, and no label, column or section that would.
    #[test]
    fn fires_once_on_a_plan_whose_tasks_name_no_unit() {
        let plan = "某市提振消费专项行动实施方案\n一、居民就业增收促进行动\n（一）促进重点群体就业。加大高校毕业生就业支持力度。\n（二）拓宽增收渠道。多渠道增加居民财产性收入。\n二、消费能力保障支持行动\n（三）加大消费信贷支持。鼓励金融机构提供消费信贷。\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(
                3,
                1,
                "none of the 3 tasks of this plan names a responsible unit that planlint could read".to_string()
            )]
        );
    }

    #[test]
    fn silent_when_one_task_names_a_lead_or_the_plan_is_short() {
        let led = "某市实施方案\n一、任务\n（一）促进就业。加大支持力度。\n（二）拓宽渠道。增加收入。（市人社局负责）\n（三）加大信贷支持。鼓励金融机构提供信贷。\n";
        assert!(findings_of(led, super::RULE).is_empty());
        let short =
            "某市实施方案\n一、任务\n（一）促进就业。加大支持力度。\n（二）拓宽渠道。增加收入。\n";
        assert!(findings_of(short, super::RULE).is_empty());
    }

    /// corpus-judged x07 (宁波市…金融支持恢复和扩大消费的若干措施): addressed to banks and
    /// insurers, whose measures name them as subjects (各银行机构要…): no owner is expected.
    #[test]
    fn silent_on_measures_addressed_to_financial_institutions() {
        let body = "金融支持恢复和扩大消费的若干措施\n一、助力居住购房消费\n（一）支持住房需求。各银行机构要落实差别化住房信贷政策。\n（二）加大家装消费信贷支持。鼓励金融机构开发家装贷款产品。\n（三）支持汽车消费。各银行机构要优化汽车贷款审批。\n";
        let addressed =
            format!("各区（县、市）地方金融监管部门，各有关银行业、保险业金融机构：\n{body}");
        assert!(findings_of(&addressed, super::RULE).is_empty());
        assert_eq!(findings_of(body, super::RULE).len(), 1);
    }

    /// The shape of an unseen district's 购房补贴实施方案 (2026-12-06 batch, s8a 089): its
    /// measures say who qualifies and what is granted (对…购买…的，给予…补贴), not what a
    /// department does; such rules for the public name no owner per measure by custom. The same
    /// measures written as actions of government (加快…, 建立…) are a work plan that owes owners.
    #[test]
    fn silent_on_rules_for_the_public_not_on_a_work_plan() {
        let rules = "某区购房补贴实施方案\n一、补贴对象\n对现金购买本区新建商品住房的家庭，给予每套5000元购房补贴。\n二、补贴标准\n对二孩及以上家庭购买新建商品住房的，给予每套10000元补贴。\n三、申请程序\n购房人可以向区住房城乡建设局提交申请，不得重复享受。\n";
        assert!(findings_of(rules, super::RULE).is_empty());
        let actions = "某区促进住房消费实施方案\n一、补贴对象\n加快落实购房补贴政策，建立补贴资金台账。\n二、补贴标准\n进一步优化补贴标准，推进补贴资金直达。\n三、申请程序\n加强申请审核，规范发放程序，不得重复享受。\n";
        assert_eq!(findings_of(actions, super::RULE).len(), 1);
    }

    /// The shape of an unseen city's 房地产若干措施 (聊城, 2026-12-06 batch d08): measures that mix
    /// rules for buyers (…的，最低首付比例为15%; 给予) with a few actions of government
    /// (完善…, 组织商业银行…): one rule word for every two actions or more is a list of public
    /// measures (若干措施), which names no owner per measure. A plan of actions with a stray rule
    /// word still owes owners, and so does a 方案 of the same mix.
    #[test]
    fn silent_on_public_measures_that_mix_in_some_actions() {
        let mixed = "某市推动房地产市场平稳健康发展的若干措施\n一、支持住房消费\n1.降低房贷最低首付比例。缴存人使用住房公积金贷款购买保障性住房的，最低首付比例为15%。\n2.降低存量房贷利率。完善商业性个人住房贷款利率定价机制。组织商业银行统一调整存量房贷利率。\n3.支持人才购房。对购买商品住房的新引进人才给予一次性购房补贴。推进人才安居工程。\n";
        assert!(findings_of(mixed, super::RULE).is_empty());
        let actions = "某市推动房地产市场平稳健康发展的若干措施\n一、支持住房消费\n1.降低房贷最低首付比例。推进首付比例调整，不得擅自提高。\n2.降低存量房贷利率。完善商业性个人住房贷款利率定价机制。组织商业银行统一调整存量房贷利率。\n3.支持人才购房。建立人才购房支持机制。推进人才安居工程。\n";
        assert_eq!(findings_of(actions, super::RULE).len(), 1);
        // The same measures as a 工作方案 (白银's 一城一策 work plan, batch d09, had its owners
        // wanted at this share): a work plan is held to one rule word per action.
        let plan = mixed.replace("若干措施", "工作方案");
        assert_eq!(findings_of(&plan, super::RULE).len(), 1);
    }

    /// The shape of an unseen city's 若干措施 (惠州, corpus-judged a37): measures of government
    /// action signed by the three bureaus that carry them out, above the date. Signed by the
    /// city's government, or issued by a bureau as a 实施方案, the same measures owe owners.
    #[test]
    fn silent_on_measures_that_departments_issue_for_themselves() {
        let body = "一、加大金融信贷支持力度。落实差别化住房信贷政策，推动降低首付比例。\n二、优化房屋交易流程。推广二手房“带押过户”模式，规范交易流程。\n三、开展住房团购活动。鼓励各县区组织房地产开发企业开展团购活动。\n";
        let signed = |title: &str, issuers: &str| {
            format!(
                "{title}\n各县、区人民政府，市政府各工作部门：\n{body}{issuers}\n2023年9月22日\n"
            )
        };
        let title = "关于印发促进我市房地产市场平稳健康发展若干措施的通知";
        let bureaus = "惠州市住房和城乡建设局\n惠州市自然资源局\n惠州市住房公积金管理中心";
        assert!(findings_of(&signed(title, bureaus), super::RULE).is_empty());
        assert_eq!(
            findings_of(&signed(title, "惠州市人民政府办公室"), super::RULE).len(),
            1
        );
        let plan = "关于印发促进我市房地产市场平稳健康发展实施方案的通知";
        assert_eq!(findings_of(&signed(plan, bureaus), super::RULE).len(), 1);
        // Named before 关于 in the title when no one signs above the date.
        let headed = format!("惠州市住房和城乡建设局等3部门{title}\n{body}");
        assert!(findings_of(&headed, super::RULE).is_empty());
        let by_government = format!("惠州市人民政府{title}\n{body}");
        assert_eq!(findings_of(&by_government, super::RULE).len(), 1);
    }

    /// A plan that shows it names owners (a 责任单位 label) gets missing-lead's message instead.
    #[test]
    fn leaves_a_plan_with_owner_words_to_missing_lead() {
        let plan = "某市实施方案\n一、任务\n（一）促进就业。加大支持力度。\n责任单位 市人社局 市财政局\n（二）拓宽渠道。增加收入。\n（三）加大信贷支持。鼓励金融机构提供信贷。\n";
        assert!(findings_of(plan, super::RULE).is_empty());
        assert_eq!(findings_of(plan, "missing-lead").len(), 1);
    }
}
