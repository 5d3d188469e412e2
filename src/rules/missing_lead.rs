//! `missing-lead` (PL101): a task that names no responsible unit where the plan names one for
//! its other tasks. See rules/rules.toml.

use super::{Context, Findings};
use crate::model::{Origin, Siblings};

pub const RULE: &str = "missing-lead";

/// A directive that names no leads at all is no defect: only a task of a level whose other
/// tasks carry clauses (at least half of its sibling items), or a row of a table whose header
/// names a lead column (or at least half of whose rows, two at least, name owners in their
/// task cell's clause), lacks its lead.
pub fn run(cx: &Context, out: &mut Findings) {
    let doc = cx.doc;
    if !doc.tasks.is_empty() && doc.tasks.iter().all(|t| t.leads.is_empty()) {
        // No task has a lead, yet the plan shows it names owners: say so once, at the first
        // place, rather than pass silently (or flag every task).
        if let Some(span) = doc.facts.owner_cue {
            out.report(
                RULE,
                span,
                t!(
                    cx,
                    "unread-owners",
                    cue = cx.text(span),
                    tasks = doc.tasks.len()
                ),
            )
            .help(t!(cx, "help-unread-owners"));
        }
        return;
    }
    let carries = doc.headings_with_own_clauses();
    // Per table: its tasks, and those whose task cell closes on a clause naming leads (a
    // table without a lead column so written assigns owners as the body does, row by row; a
    // lead cell's clause lies outside the task's text).
    let mut rows: rustc_hash::FxHashMap<usize, (usize, usize)> = Default::default();
    for t in doc.tasks.iter().filter(|t| t.origin == Origin::Table) {
        let e = rows.entry(t.table.unwrap_or(0)).or_default();
        e.0 += 1;
        let in_text = t
            .clause
            .is_some_and(|c| t.text.start <= c.start && c.end <= t.text.end);
        e.1 += usize::from(!t.leads.is_empty() && in_text);
    }
    let rows_carry = |table: Option<usize>| {
        rows.get(&table.unwrap_or(0))
            .is_some_and(|&(all, led)| led >= 2 && 2 * led >= all)
    };
    let siblings = Siblings::new(&doc.headings, &carries);
    // Headings whose body items close on clauses naming leads.
    let led_lists: rustc_hash::FxHashSet<usize> = doc
        .tasks
        .iter()
        .filter(|o| o.origin == Origin::Body && o.clause.is_some() && !o.leads.is_empty())
        .filter_map(|o| o.heading)
        .collect();
    for t in &doc.tasks {
        // Conditions (否决项), provisions about the plan itself, items setting up the group that
        // carries the work or giving it to a unit after 由, inapplicable items and ambiguous
        // packed cells expect no lead of their own.
        if !t.leads.is_empty()
            || t.condition
            || t.about_document
            || t.sets_up_group
            || t.owner_after_you
            || t.not_applicable
            || t.packed.is_some()
        {
            continue;
        }
        let expected = match t.origin {
            Origin::Table => doc.table_of(t).is_some_and(|x| x.lead_column) || rows_carry(t.table),
            // Or an item of a list its heading's other items close with clauses (●…（A牵头）
            // / ●… / ●…（B牵头）; 一是…（A牵头）；二是…；三是…（B牵头）).
            Origin::Body => t.heading.is_some_and(|h| {
                siblings.carry_clauses(&doc.headings, h, &carries) || led_lists.contains(&h)
            }),
        };
        if !expected {
            continue;
        }
        let help = match t.origin {
            Origin::Body => t!(cx, "help-body"),
            Origin::Table => t!(cx, "help-table"),
        };
        out.report(
            RULE,
            cx.headline(t),
            t!(cx, "message", task = cx.task(&t.number)),
        )
        .help(help);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn says_once_where_owners_are_named_in_a_form_not_read() {
        // A PDF lost the colons: the plan names owners, none is read; one finding, at the first.
        let plan = "某区实施方案\n一、工作任务\n1.推进农村公路建设。\n责任单位 区交通局\n2.推进学校建设。\n责任单位 区教育局\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (4, 1));
        assert!(f[0].2.contains("any of its 2 tasks"), "{f:?}");
        // A directive that names no owners at all, and a plan whose cue is running text, are
        // no such case.
        let plan = "某省实施意见\n一、工作任务\n1.推进农村公路建设。\n2.推进学校建设，各地要明确责任单位。\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }

    #[test]
    fn fires_on_a_numbered_task_whose_siblings_have_clauses() {
        let plan = "一、源头治理\n（一）净化环境。加强治理。（市环保局负责）\n（二）强化监管。加强检查。\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(3, 1, "task 一、（二） names no lead unit".to_string())]
        );
    }

    #[test]
    fn table_rows_that_do_not_apply_need_no_lead() {
        let plan = "一、任务\n附件\n序号\t重点任务\t牵头单位\t完成时限\n1\t加强监管工作。\t县市场监管局\t2023年底\n2\t创新相关工作措施。\t\t合理缺项\n3\t开展专项整治。\t\t2023年底\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(6, 1, "task 附件 item 3 names no lead unit".to_string())]
        );
    }

    #[test]
    fn a_closing_item_about_the_measures_owes_no_lead() {
        // The shape of a county's housing measures (利辛县, 2023): every measure carries its
        // clause but the last, which gives the measures' scope, who explains them and their
        // term. An item that asks work and lost its clause still gets the finding.
        let plan = "一、优化公积金政策。提高贷款额度。(责任单位:县住房公积金中心)\n\
            二、加强政策解读。准确解读政策。(责任单位:县融媒体中心)\n\
            三、上述措施适用于县城规划区范围内商品房开发小区,不可重复享受。本措施解释权由各责任单位负责,有效期为2023年9月23日至2023年12月31日。\n\
            四、以上措施要加强宣传,做好舆论引导。\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(4, 1, "task 四、 names no lead unit".to_string())]
        );
    }

    #[test]
    fn an_item_setting_up_the_working_group_owes_no_lead() {
        // corpus-judged rh01 (长沙…去库存): 三、工作机制 sets up the working group and names its
        // members; its siblings carry clauses. An item of work beside them that lost its clause
        // still gets the finding, and so does a group set up without its members named.
        let plan = "三、工作机制\n(一)建立工作专班。由市政府分管副市长任工作专班组长,市住房城乡建设局、市财政局负责人为工作专班成员。\n(二)摸清库存底数。加大市场监测。(责任部门:市住房城乡建设局)\n(三)实施清单化管理。统计造册。(责任部门:市自然资源规划局)\n(四)强化工作督办。实施月监测、季评价。\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(5, 1, "task 三、(四) names no lead unit".to_string())]
        );
        let bare = plan.replace(
            "由市政府分管副市长任工作专班组长,市住房城乡建设局、市财政局负责人为工作专班成员。",
            "加强统筹协调。",
        );
        assert_eq!(findings_of(&bare, super::RULE).len(), 2);
    }

    #[test]
    fn an_item_giving_its_work_to_a_unit_after_you_owes_no_lead() {
        // corpus-judged rl06 (慈溪…运营奖补实施细则): the review steps name their owners in
        // sentences, the first before 牵头, the others after 由 with verbs no reader takes for
        // a lead (进行公示, 核准). The same step naming nobody still gets the finding.
        let plan = "(五)评审公示核准\n\
            1.市住建局牵头召集市级相关部门和房屋所在地镇(街道)等有关单位,按年度召开运营奖补评审会议,评审会议对申请资料进行审核和对奖补金额进行核算,评审主要采用书面方式,必要时对具体项目进行现场核查,评审未通过的不进行奖补,评审人员应在评审结束后对《慈溪市促进保障性租赁住房规范运营奖补资格评审表》进行会签(详见附件)。\n\
            2.评审通过的,由市保障性租赁住房工作领导小组办公室通过慈溪市人民政府网站进行公示,公示期为5个工作日。\n\
            3.经公示无异议或异议不成立的,由市保障性租赁住房工作领导小组核准奖补。\n\
            (六)资金拨付发放\n\
            1.已被核准奖补的运营单位提供银行基本账户名称和账号,并开具收据。\n\
            2.市房管中心按国库集中支付流程进行资金拨付。\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        let bare = plan.replace("由市保障性租赁住房工作领导小组核准奖补", "核准奖补");
        assert_eq!(
            findings_of(&bare, super::RULE),
            vec![(4, 1, "task (五)3. names no lead unit".to_string())]
        );
    }

    #[test]
    fn silent_when_every_task_has_a_lead() {
        let plan = "一、源头治理\n（一）净化环境。加强治理。（市环保局负责）\n（二）强化监管。加强检查。（市市场监管局负责）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }

    #[test]
    fn silent_on_sections_without_any_clause() {
        let plan = "一、指导思想\n以习近平新时代中国特色社会主义思想为指导，全面贯彻。\n二、工作目标\n到2020年食品安全水平明显提高。\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }
}
