//! `numbering` (PL108): gaps, repeats and malformed numbers in the outline and task tables.
//! See rules/rules.toml.

use super::{Context, Findings};
use crate::model::{NumberStyle, Numbering};
use std::collections::HashMap;

pub const RULE: &str = "numbering";

pub fn run(cx: &Context, out: &mut Findings) {
    // A text wrapped at one width breaks headings over lines (一 / 、降低…) and runs others into
    // the middle of lines (…措施。第十六条…): its outline as read is not the document's, and
    // wrapped-lines says so once instead of a false gap at every break.
    if cx.wrapped().is_some() {
        return;
    }
    for h in &cx.doc.headings {
        form(cx, out, &h.numbering);
    }
    // Per part and style: the last heading of that style and the parent it was under. Running
    // text and table section rows number one outline (a PDF table broken by a heading line).
    let mut last: HashMap<(usize, NumberStyle), usize> = HashMap::new();
    // Per part and style: the heading before a number that went back.
    let mut stray_before: HashMap<(usize, NumberStyle), usize> = HashMap::new();
    // Headings that open their style above 1.
    let mut started_late: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for (i, h) in cx.doc.headings.iter().enumerate() {
        let n = &h.numbering;
        let k = (h.part, n.style);
        let prev = last.get(&k).map(|&j| &cx.doc.headings[j]);
        // A run may always start again at 1: lists restart under labels that are not headings.
        let ok = n.value == 1 || prev.is_some_and(|p| n.value == p.numbering.value + 1);
        // The numbers missing before this one stand in the text since, run into a line.
        let from = prev.map_or_else(
            || h.parent.map_or(0, |a| cx.doc.headings[a].line.start),
            |p| p.numbering.span.end,
        );
        let run_in = |lo: u32| lo < n.value && written_between(cx, n, lo, from);
        let restarts_or_continues =
            run_in(1) || prev.is_some_and(|p| run_in(p.numbering.value + 1));
        // After a stray number that went back (一十九 garbled in among 二十几), the count
        // resumes from the number before it: the stray was said once, at itself.
        let resumes = stray_before.get(&k).is_some_and(|&j| {
            let q = &cx.doc.headings[j].numbering;
            n.value == q.value + 1
                || (n.value > q.value + 1 && written_between(cx, n, q.value + 1, q.span.end))
        });
        if prev.is_some_and(|p| n.value < p.numbering.value && n.value != 1) {
            if let Some(&j) = last.get(&k) {
                stray_before.insert(k, j);
            }
        } else {
            stray_before.remove(&k);
        }
        if !ok && !restarts_or_continues && !resumes {
            let this = cx.text(n.span);
            match prev {
                Some(p) if p.numbering.value == n.value && p.parent == h.parent => {
                    out.report(RULE, n.span, t!(cx, "repeat", this = this))
                        .related(p.numbering.span, t!(cx, "related-same"))
                        .help(t!(cx, "help-repeat"));
                }
                Some(p) => {
                    // Run into lines since, the numbers may carry on to this one: the gap is
                    // where they break ((九)…(+)…(十一)… then (十二): (十一) skips).
                    let (at, before) = gap_among_run_in(cx, n, &p.numbering, from)
                        .unwrap_or((n.span, p.numbering.span));
                    out.report(
                        RULE,
                        at,
                        t!(cx, "skip", this = cx.text(at), before = cx.text(before)),
                    )
                    .related(before, t!(cx, "related-before"))
                    .help(t!(cx, "help-skip"));
                }
                // A text that starts mid-way (an excerpt, a page cut from the front) is said
                // once, at its outermost number: the numbers under it run on from the same
                // missing part.
                None if ancestors(cx, h.parent).any(|a| started_late.contains(&a)) => {
                    started_late.insert(i);
                }
                None => {
                    started_late.insert(i);
                    out.report(RULE, n.span, t!(cx, "start", this = this))
                        .help(t!(cx, "help-start"));
                }
            }
        }
        last.insert(k, i);
    }
    let mut previous: HashMap<usize, u32> = HashMap::new();
    for t in &cx.doc.tasks {
        let Some(n) = &t.item_number else { continue };
        form(cx, out, n);
        let part = cx
            .doc
            .parts
            .iter()
            .position(|p| p.span.start <= t.span.start && t.span.start <= p.span.end)
            .unwrap_or(0);
        let expected = previous.get(&part).map_or(1, |v| v + 1);
        if n.value != expected && n.value != 1 {
            out.report(
                RULE,
                n.span,
                t!(cx, "table", this = cx.text(n.span), expected = expected),
            )
            .help(t!(cx, "help-table"));
        }
        previous.insert(part, n.value);
    }
}

/// Every number from `lo` up to (not including) `n`'s stands run into a line between `from`
/// and `n` (…自动封存。2.灵活就业人员…): the items are there, a copy joined their lines.
fn written_between(cx: &Context, n: &Numbering, lo: u32, from: usize) -> bool {
    // The run-in numbers are in document order: only those between are looked at.
    let all = &cx.doc.run_in_numbers;
    let first = all.partition_point(|r| r.span.start < from);
    let last = all.partition_point(|r| r.span.start < n.span.start);
    let between = all.get(first..last).unwrap_or_default();
    (lo..n.value).all(|v| between.iter().any(|r| r.style == n.style && r.value == v))
}

/// Where numbers run into lines between `prev` and `n` (of their style) carry the count on to
/// `n`, the one that breaks it and the number before it: (九), then (十一) run in, then (十二)
/// gives (十一) after (九). None when the run-in numbers do not reach `n`.
fn gap_among_run_in(
    cx: &Context,
    n: &Numbering,
    prev: &Numbering,
    from: usize,
) -> Option<(crate::source::Span, crate::source::Span)> {
    let all = &cx.doc.run_in_numbers;
    let first = all.partition_point(|r| r.span.start < from);
    let last = all.partition_point(|r| r.span.start < n.span.start);
    let mut before = prev;
    let mut gap = None;
    for r in all.get(first..last).unwrap_or_default() {
        if r.style != n.style || r.value <= before.value || r.value >= n.value {
            continue;
        }
        if r.value != before.value + 1 {
            if gap.is_some() {
                return None;
            }
            gap = Some((r.span, before.span));
        }
        before = r;
    }
    (before.value + 1 == n.value).then_some(gap).flatten()
}

/// A heading's parent, its parent's parent, and so on.
fn ancestors<'c>(cx: &'c Context, parent: Option<usize>) -> impl Iterator<Item = usize> + 'c {
    std::iter::successors(parent, |&p| cx.doc.headings[p].parent)
}

fn form(cx: &Context, out: &mut Findings, n: &Numbering) {
    let text = cx.text(n.span);
    if n.mixed_brackets {
        let inner = text.trim_matches(|c: char| "()（）".contains(c));
        out.report(RULE, n.span, t!(cx, "mixed", text = text))
            .help(t!(cx, "help-mixed", inner = inner));
    }
    if n.malformed {
        let fix = match n.style {
            // —、 typed for 一、; 六. typed for 六、.
            NumberStyle::Chapter => match text.trim_end_matches(['.', '．', '、']) {
                numeral if numeral.chars().all(crate::lex::is_chinese_numeral) => {
                    format!("{numeral}、")
                }
                _ => "一、".to_string(),
            },
            // () with its numeral lost: the number its place gives it.
            NumberStyle::Section => {
                format!("（{}）", crate::lex::chinese_numeral(n.value))
            }
            _ => format!("{}.", n.value),
        };
        out.report(RULE, n.span, t!(cx, "malformed", text = text))
            .help(t!(cx, "help-malformed", fix = fix));
    }
}

#[cfg(test)]
mod tests {
    /// The values of the plan's headings of one style, in order.
    fn values(plan: &str, style: crate::model::NumberStyle) -> Vec<u32> {
        crate::testing::parse(plan)
            .headings
            .iter()
            .filter(|h| h.numbering.style == style)
            .map(|h| h.numbering.value)
            .collect()
    }

    #[test]
    fn a_catalogue_item_whose_title_opens_on_a_unit_character_and_a_list_opening_on_a_figure() {
        // From a provincial machinery catalogue (17.天然橡胶… under sub-numbers 16.2 and 17.1) and
        // a city care rule (1.80周岁及以上的； then 2.纯老家庭…), restarting under （二）.
        let plan = "某省补贴实施方案\n附件\n16.农产品初加工机械\n16.2茶叶初加工机械\n17.天然橡胶初加工机械\n17.1天然橡胶初加工机械\n18.农用动力机械\n一、资助对象\n（一）第一类资助对象。\n1.低保老年人；\n2.低收入老年人；\n3.特困老年人。\n（二）第二类资助对象。\n1.80周岁及以上的；\n2.纯老家庭人员。\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(3, 1, "16. starts its numbering above 1".to_string())]
        );
        let items = values(plan, crate::model::NumberStyle::Item);
        assert_eq!(items, vec![16, 17, 18, 1, 2, 3, 1, 2]);
    }

    /// corpus-judged i01 (a PDF's text pasted one printed line per line): 一 and 、降低家庭生育成本
    /// stand on two lines, so 二、 seemed to open the outline above 1. The same text one
    /// paragraph per line, its 一、 left out, still gets the finding.
    #[test]
    fn a_wrapped_text_gets_no_outline_findings_but_its_joined_copy_does() {
        let wrapped = "南充市稳定新出生人口规模六条措施\n为深入贯彻落实《中共中央 国务院关于优化生育政策促进\n人口长期均衡发展的决定》等系列部署要求，积极应对我市人\n口发展面临的新形势，顺应人民群众期盼，构建生育、养育、\n教育支持政策体系，结合南充实际，制定如下政策措施。\n一\n、降低家庭生育成本\n（一）结婚助力。积极搭建婚恋平台、抵制高价彩礼、倡导\n文明婚俗新风，切实减轻婚嫁负担。为双方均是首次结婚登记\n且登记地在南充市范围内的夫妻，提供一次性个人住房消费贷\n款财政贴息。〔责任单位：市民政局，市公安局、市财政局、\n市总工会、团市委、市妇联、各县（市、区）人民政府〕\n二、减轻家庭养育负担\n（二）生育关爱。为已参加我市基本医疗保险的二孩、三孩，\n全额购买婴幼儿百万补充医疗保险至3岁。适时新增报销产前\n检查费，提高生育医疗费报销标准。〔责任单位：市医保局，\n市卫生健康委、各县（市、区）人民政府〕\n";
        assert_eq!(findings_of(wrapped, "wrapped-lines").len(), 1);
        assert_eq!(findings_of(wrapped, super::RULE), vec![]);
        let joined = "南充市稳定新出生人口规模六条措施\n为深入贯彻落实《中共中央 国务院关于优化生育政策促进人口长期均衡发展的决定》等系列部署要求，制定如下政策措施。\n（一）结婚助力。积极搭建婚恋平台、抵制高价彩礼、倡导文明婚俗新风，切实减轻婚嫁负担。〔责任单位：市民政局，市公安局、市财政局〕\n二、减轻家庭养育负担\n（二）生育关爱。为已参加我市基本医疗保险的二孩、三孩，全额购买婴幼儿百万补充医疗保险至3岁。〔责任单位：市医保局，市卫生健康委〕\n";
        assert_eq!(findings_of(joined, "wrapped-lines").len(), 0);
        assert_eq!(
            findings_of(joined, super::RULE),
            vec![(4, 1, "二、 starts its numbering above 1".to_string())]
        );
    }

    /// corpus-judged a41 (海宁市人才房票): the materials of step 1. listed with bare numbers, the
    /// first opening on a title mark (1《…审批表》；), are no items: step 2. goes on from 1.
    #[test]
    fn a_bare_numbered_list_opening_on_a_title_mark_is_no_item_run() {
        let plan = "某市人才房票实施办法\n一、申办程序\n1.个人申请。申请人填写申领审批表，并提交以下材料：\n1《人才房票申领审批表》；\n2身份证复印件；\n3人才层次证明材料复印件；\n以上材料由人才本人提供。\n2.资格审核。市住建局负责资格审核。\n3.公示。由市人力社保局在网站上公示7天。\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        let items = values(plan, crate::model::NumberStyle::Item);
        assert_eq!(items, vec![1, 2, 3]);
    }

    /// corpus-judged rd03 (鹰潭市…若干措施): the numeral of a section lost in the copy, `()优化…`
    /// then `(二)`: said at the empty brackets, with the number its place gives it, and (二)
    /// follows it.
    #[test]
    fn a_section_whose_numeral_was_lost() {
        let plan = "某市若干措施\n一、支持住房消费\n(一)落实契税补贴。[责任单位:市财政局]\n(二)优化公积金政策。[责任单位:市公积金中心]\n二、优化行业服务管理\n()优化房地产领域行政审批\n推进“一网通办”。[责任单位:市行政审批局]\n(二)稳步推进“交房即交证”改革\n加强部门数据协同。[责任单位:市自然资源局]\n(三)规范市场秩序\n开展专项整治。[责任单位:市住建局]\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(6, 1, "() is not a well-formed number".to_string())]
        );
        let sections = values(plan, crate::model::NumberStyle::Section);
        assert_eq!(sections, vec![1, 2, 1, 2, 3]);
        // Lost after the first: the second.
        let second = plan.replace("(二)优化公积金", "()优化公积金");
        let doc = crate::testing::parse(&second);
        assert_eq!(doc.headings[2].numbering.value, 2);
        let advice = crate::testing::advice_of(&second, super::RULE);
        assert_eq!(advice.len(), 2);
        assert_eq!(advice[0].0, 4);
        assert!(advice[0].2.as_deref().is_some_and(|h| h.contains("（二）")));
    }

    #[test]
    fn an_attachment_list_is_not_the_outline() {
        let plan = "某县实施方案\n一、主要任务\n（一）加强组织。加快推进项目建设。（县发改局负责）\n（二）加强协调。开展宣传活动。（县委宣传部负责）\n附件：1.任务分工表\n2.联系人名单\n附表：1.申请表\n2.汇总表\n二、保障措施\n（一）加强领导。（县政府办负责）\n（三）强化考核。（县督查室负责）\n";
        let f = crate::testing::findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(11, 1, "（三） does not follow （一）".to_string())]
        );
    }

    use crate::testing::findings_of;

    /// An unseen city's measures (2026-12-06 batch, a23): an attachment list whose fourth entry
    /// is set over two lines is one list; its 5. is no heading after the body's 5.
    #[test]
    fn an_attachment_entry_over_two_lines() {
        let plan = "某市政策措施\n一、政策\n1.购房补贴。给予补贴。\n2.契税补贴。给予补贴。\n3.就业支持。推荐岗位。\n4.教育支持。保障学位。\n5.落户支持。放开落户。\n本政策措施由市指挥部办公室负责解释。\n附件:1.项目名录\n2.商家名录\n3.岗位推荐目录\n4.2022年公办义务教育学校学位(C类)\n供给预测汇总表\n5.购房和契税补贴申请表\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }

    /// An unseen city's measures (2026-12-06 batch f04, there (十) misprinted (+) after (九)): (三)
    /// misprinted and (四) run into the line of (二): the gap is at (四), not at the next heading.
    #[test]
    fn a_gap_among_numbers_run_into_a_line_is_said_where_it_is() {
        let plan = "某市若干措施\n一、支持购房\n(一)提升房票安置。推进安置。(责任单位:市住房城乡建设局)\n(二)支持购买商住房。发展保障性租赁住房。(责任单位:市住房城乡建设局)(+)控制商业用房配建比例。调整比例。(责任单位:市自然资源和规划局)(四)推动地下车位登记。同步出让。(责任单位:市自然资源和规划局)\n(五)完善基础配套设施建设。确保配套。(责任单位:市自然资源和规划局)\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(4, 72, "(四) does not follow (二)".to_string())]
        );
    }

    /// An unseen city's measures (p13, a garbled copy with a stray (一十九) among the 二十s): a stray
    /// (二) after (四) is said once; (六) after (五) run in resumes from (四).
    #[test]
    fn a_stray_number_that_goes_back_is_said_once() {
        let plan = "某市若干措施\n一、支持购房\n(一)甲。给予补贴。\n(二)乙。给予补贴。\n(三)丙。给予补贴。\n(四)丁。给予补贴。\n(二)戊音买保证，按照(五)戊。竞买保证金。\n(六)己。给予补贴。\n(七)庚。给予补贴。\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(7, 1, "(二) does not follow (四)".to_string())]
        );
    }

    #[test]
    fn gaps_repeats_and_mixed_brackets() {
        let plan =
            "一、甲\n（一）乙。（县公安局负责）\n(二）丙。（县公安局负责）\n三、丁\n三、戊\n";
        let f: Vec<String> = findings_of(plan, super::RULE)
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(
            f,
            vec![
                "(二） mixes half- and full-width brackets".to_string(),
                "三、 does not follow 一、".to_string(),
                "三、 repeats the number of the heading before it".to_string(),
            ]
        );
    }

    #[test]
    fn table_numbers_run_on_or_restart_at_one() {
        let table = |numbers: [u32; 4]| {
            let rows: String = numbers
                .iter()
                .map(|n| format!("{n}\t加强监管工作{n}。\t县市场监管局\t2023年底\n"))
                .collect();
            format!("一、任务\n附件\n序号\t重点任务\t牵头单位\t完成时限\n{rows}")
        };
        assert_eq!(findings_of(&table([1, 2, 3, 4]), super::RULE), vec![]);
        assert_eq!(findings_of(&table([1, 2, 1, 2]), super::RULE), vec![]);
        let f = findings_of(&table([1, 2, 4, 5]), super::RULE);
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            vec![(6, 1)]
        );
    }

    #[test]
    fn numbering_may_restart_or_continue_under_a_new_parent() {
        let plan = "一、甲\n（一）乙。（县公安局负责）\n二、丙\n（二）丁。（县公安局负责）\n三、戊\n（一）己。（县公安局负责）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }

    #[test]
    fn an_article_run_into_the_title_line_starts_the_articles() {
        // corpus-judged rk08: the copy ran 第一条 and its heading into the title line.
        let plan = "某市人才住房保障实施细则(试行)第一条补助对象\n全职新引进的人才。\n第二条补助标准\n按类别给予补贴。\n第三条申请程序\n按程序申请。\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        let lost = plan.replace("(试行)第一条补助对象", "(试行)");
        assert_eq!(
            findings_of(&lost, super::RULE),
            vec![(3, 1, "第二条 starts its numbering above 1".to_string())]
        );
    }

    /// A text that starts mid-way (corpus-judged/r15 holds section 五 of a province's plan):
    /// its outermost number is said to start above 1, the numbers running on under it are not.
    /// An unseen city's notice (2026-12-06 batch, s8a 062): a copy ran item 1. into its
    /// section's title line and item 2. into item 1.'s line. The items are there: no gap. A
    /// number that is nowhere in the text is still a gap.
    #[test]
    fn items_run_into_a_line_are_no_gap() {
        let plan = "关于优化住房公积金缴存使用政策的通知\n一、放宽开户条件\n1.年龄放宽至年满18周岁。\n2.提供本人身份证明。\n二、灵活缴存机制1.自主申报确定缴存基数。\n2.缴存基数应符合规定。\n三、强化账户管理\n1.账户停缴超过6个月的，将自动封存。2.有未结清贷款的，可申请转移。\n3.达到法定退休年龄的，可申请封存。\n";
        assert!(findings_of(plan, super::RULE).is_empty());
        let gap = plan.replace("。2.有未结清贷款的", "。有未结清贷款的");
        assert_eq!(
            findings_of(&gap, super::RULE),
            vec![(9, 1, "3. does not follow 1.".to_string())]
        );
    }

    /// An unseen city's notice (2026-12-06 batch, s8a 069): 六 typed with a dot between 五、
    /// and 七、 (here 二. between 一、 and 三、) is that chapter, misprinted, not a gap; a dotted
    /// numeral out of sequence is text.
    #[test]
    fn a_chapter_typed_with_a_dot() {
        let plan = "某市通知\n一、优化提取业务\n推行线上办理。\n二.开展购房提取公积金直转业务\n推行直转。\n三、其他\n本通知自印发之日起施行。\n";
        assert_eq!(
            crate::testing::advice_of(plan, super::RULE),
            vec![(
                4,
                "二. is not a well-formed number".to_string(),
                Some("write it as 二、".to_string())
            )]
        );
        let out_of_step = plan.replace("二.开展", "五.开展");
        assert_eq!(
            findings_of(&out_of_step, super::RULE),
            vec![(6, 1, "三、 does not follow 一、".to_string())]
        );
    }

    #[test]
    fn a_text_starting_mid_way_is_said_once_at_its_outermost_number() {
        let plan = "某省实施方案的通知\n五、推动房地产平稳健康发展\n(十九)有效促进房地产消费。\n64.支持各地研究出台政策措施。\n责任单位:省住房城乡建设厅\n65.因城实施差别化住房信贷政策。\n责任单位:人行郑州中心支行\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(2, 1, "五、 starts its numbering above 1".to_string())]
        );
        // A child opening above 1 under a parent that starts at 1 is still said.
        let child = plan.replace("五、", "一、");
        assert_eq!(
            findings_of(&child, super::RULE),
            vec![(3, 1, "(十九) starts its numbering above 1".to_string())]
        );
    }
}
