//! The directive at the reviewer's grain: each paragraph of a multi-paragraph item is a task of
//! its own. A reviewer signs a directive paragraph by paragraph (an article's 款, an item's
//! second paragraph); read as one task, an item whose first paragraph the plan carries and whose
//! second it leaves out is called covered, and a missing paragraph is never said. Only the
//! directive is split: the plan keeps its items whole, as the outline numbers them.

use crate::data::RuleData;
use crate::model::{Document, Origin, Task};
use crate::source::{SourceFile, Span};

/// A paragraph shorter than this (in characters) is a heading line or a lead-in of the next
/// one (（一）加强监管。, 符合下列条件之一：): it stays with the paragraph after it.
const SHORTEST: usize = 20;

/// The directive `doc` with each body task of several paragraphs split into one task per
/// paragraph, numbered `¶1`, `¶2`… after the item's number. Targets follow the paragraph they
/// stand in; a deadline continued from a merged cell points at its item's first paragraph.
pub fn by_paragraph(src: &SourceFile, mut doc: Document, data: &RuleData) -> Document {
    let old = std::mem::take(&mut doc.tasks);
    let mut tasks = Vec::with_capacity(old.len());
    let mut pieces_of = Vec::with_capacity(old.len());
    for task in old {
        let first = tasks.len();
        let pieces = paragraphs(src, &task, data);
        if pieces.len() < 2 {
            tasks.push(task);
        } else {
            let last = pieces.len() - 1;
            for (k, text) in pieces.into_iter().enumerate() {
                let mut piece = task.clone();
                piece.text = text;
                piece.item_text = Some(task.item_text.unwrap_or(task.text));
                // A date written in one paragraph (到2029年底，全市建成…) is that paragraph's; one
                // in the item's clause or a column of its own holds for every paragraph.
                let within = |s: Span| task.text.start <= s.start && s.end <= task.text.end;
                if let Some(d) = &task.deadline {
                    if within(d.span) && !(text.start <= d.span.start && d.span.end <= text.end) {
                        piece.deadline = None;
                    }
                }
                piece.span = Span::new(
                    if k == 0 { task.span.start } else { text.start },
                    if k == last { task.span.end } else { text.end },
                );
                piece.number = crate::model::paragraph_number(&task.number, k + 1);
                piece.id = format!("{}.{}", task.id, k + 1);
                tasks.push(piece);
            }
        }
        pieces_of.push(first..tasks.len());
    }
    for task in &mut tasks {
        task.targets.clear();
        if let Some(d) = &mut task.deadline {
            d.inherited_from = d.inherited_from.map(|i| pieces_of[i].start);
        }
    }
    for (k, target) in doc.targets.iter_mut().enumerate() {
        let Some(i) = target.task else { continue };
        let range = pieces_of[i].clone();
        let at = target.span.start;
        let j = range
            .clone()
            .find(|&j| tasks[j].span.start <= at && at < tasks[j].span.end)
            .unwrap_or(range.start);
        target.task = Some(j);
        tasks[j].targets.push(k);
    }
    doc.tasks = tasks;
    doc
}

/// A directive with neither numbered items nor responsibility clauses (a short 通知 written in
/// paragraphs; a write-up of measures under short headlines) read as one task per body
/// paragraph, as the paragraphs of an item are ([`by_paragraph`] then splits it): a reviewer
/// still signs it paragraph by paragraph, where refusing it leaves nothing to compare. Not
/// body: the title and 文号, the addressee (各县（市、区）人民政府：), the opening paragraph that says
/// why it is issued or that its measures follow (rules/lexicon.toml `preamble_openers`,
/// `preamble_endings`), and from the first paragraph about the document itself (本通知自…起施行,
/// a release note) or the short lines closing it (issuer, date) to the end. Unchanged when the
/// document has tasks or no body paragraph.
pub fn unnumbered(src: &SourceFile, mut doc: Document, data: &RuleData) -> Document {
    if !doc.tasks.is_empty() {
        return doc;
    }
    let o = &data.lexicon.outline;
    let mut body: Vec<Span> = crate::input::blocks(src, &data.lexicon)
        .iter()
        .filter_map(|b| match b {
            crate::blocks::Block::Paragraph(p) => Some(p.span),
            crate::blocks::Block::Table(_) => None,
        })
        .filter(|&p| !src.slice(p).trim().is_empty())
        .collect();
    // The title and 文号 head the document: among its first lines (a headline further down
    // is no title, whatever the title reader took).
    let head = [doc.facts.title, doc.facts.doc_number]
        .iter()
        .flatten()
        .filter(|s| {
            body.iter()
                .take(4)
                .any(|p| p.start <= s.start && s.start < p.end)
        })
        .map(|s| s.end)
        .max()
        .unwrap_or(0);
    body.retain(|p| p.start >= head);
    let text = |p: &Span| src.slice(*p).trim();
    // The addressee, then the preamble.
    if body.first().is_some_and(|p| {
        let t = text(p);
        t.ends_with(crate::lex::COLONS) && !t.contains('。') && t.chars().count() <= 60
    }) {
        body.remove(0);
    }
    if body.first().is_some_and(|p| {
        let t = text(p);
        o.preamble_openers.iter().any(|w| t.starts_with(w.as_str()))
            || o.preamble_endings.iter().any(|w| t.ends_with(w.as_str()))
    }) {
        body.remove(0);
    }
    // A release note ends the body; one that opens it is a write-up's lede (6月4日，记者获悉，
    // …印发《…》明确，支持…), which states the first measure.
    if let Some(k) = body
        .iter()
        .skip(1)
        .position(|p| crate::parse::speaks_of_itself(src.slice(*p), o))
    {
        body.truncate(k + 1);
    }
    while body
        .last()
        .is_some_and(|p| text(p).chars().count() < SHORTEST)
    {
        body.pop();
    }
    let (Some(first), Some(last)) = (body.first(), body.last()) else {
        return doc;
    };
    let whole = Span::new(first.start, last.end);
    let body = crate::parse::new_task(Origin::Body, whole, whole, None, String::new());
    for (k, span) in paragraphs(src, &body, data).into_iter().enumerate() {
        let mut task = crate::parse::new_task(
            Origin::Body,
            span,
            span,
            None,
            crate::model::paragraph_number("", k + 1),
        );
        task.id = format!("P{}", k + 1);
        doc.tasks.push(task);
    }
    for (k, target) in doc.targets.iter_mut().enumerate() {
        let at = target.span.start;
        let Some(i) = doc
            .tasks
            .iter()
            .position(|t| t.span.start <= at && at < t.span.end)
        else {
            continue;
        };
        if target.task.is_none() {
            target.task = Some(i);
            doc.tasks[i].targets.push(k);
        }
    }
    doc
}

/// The paragraphs of a body task's statement, a short one joined to the one after it (the last
/// to the one before it), one of details (政策咨询：…) to the one before it. The numbered lines
/// of a list inside an item (the cases of 有下列行为之一的：（一）…) are paragraphs too: a
/// reviewer signs each case (joined to their lead-in, fewer missing cases were found).
fn paragraphs(src: &SourceFile, task: &Task, data: &RuleData) -> Vec<Span> {
    if task.origin != Origin::Body {
        return Vec::new();
    }
    let text = src.slice(task.text);
    let mut pieces: Vec<Span> = Vec::new();
    let mut open: Option<usize> = None;
    for (line, body) in crate::source::lines(text) {
        let (start, end) = (task.text.start + line.start, task.text.start + line.end);
        if body.trim().is_empty() {
            continue;
        }
        if let (Some(last), None) = (pieces.last_mut(), open) {
            if is_detail(body, data) {
                last.end = end;
                continue;
            }
        }
        let from = open.take().unwrap_or(start);
        if body.trim().chars().count() < SHORTEST {
            open = Some(from);
            continue;
        }
        pieces.push(Span::new(from, end));
    }
    if let Some(from) = open {
        let end = task.text.end;
        match pieces.last_mut() {
            Some(last) => last.end = end,
            None => pieces.push(Span::new(from, end)),
        }
    }
    pieces
}

/// A paragraph of details: opening on a label of details (政策咨询：, 联系方式:). (The
/// document's closing words after its last item are no part of any task: the parser cuts them.)
fn is_detail(paragraph: &str, data: &RuleData) -> bool {
    let p = paragraph.trim();
    data.lexicon.align.detail_labels.iter().any(|l| {
        p.strip_prefix(l.as_str())
            .is_some_and(|rest| rest.starts_with(['：', ':']))
    })
}

#[cfg(test)]
mod tests {
    use crate::data::RuleData;
    use crate::source::SourceFile;
    use crate::testing::findings_against;

    /// (number, text) of each task of `directive` at the reviewer's grain, with the text of
    /// each task's targets.
    fn grain_of(directive: &str) -> Vec<(String, String, Vec<String>)> {
        tasks_after(directive, super::by_paragraph)
    }

    /// (number, text, targets' texts) of each task of `directive` as `grain` leaves it.
    fn tasks_after(
        directive: &str,
        grain: fn(&SourceFile, crate::model::Document, &RuleData) -> crate::model::Document,
    ) -> Vec<(String, String, Vec<String>)> {
        let data = RuleData::builtin();
        let src = SourceFile::new("d.txt", directive);
        let doc = grain(&src, crate::reading::parse_document(&src, &data), &data);
        doc.tasks
            .iter()
            .map(|t| {
                let targets = t
                    .targets
                    .iter()
                    .map(|&k| src.slice(doc.targets[k].span).to_string());
                (
                    t.number.clone(),
                    src.slice(t.text).to_string(),
                    targets.collect(),
                )
            })
            .collect()
    }

    /// A write-up of a city's housing measures (s13-hubei-xiangyang, 襄阳市, 2024): no item
    /// number and no clause, only short headlines over paragraphs. Each paragraph is a task,
    /// its headlines joined to it; the preamble, the addressee and the closing lines are not.
    #[test]
    fn a_directive_without_items_is_read_paragraph_by_paragraph() {
        let directive = "关于持续促进中心城区房地产市场平稳健康发展若干措施的通知\n各县（市、区）人民政府，市直各部门：\n为贯彻落实上级决策部署，因城施策调控房地产市场，结合我市实际，现就有关事项通知如下：\n加大住房公积金支持\n贷款额度提至80万元\n住房公积金最高贷款额度提高至80万元；对新市民、青年人购房的，贷款额度可上浮20%。\n实行家庭住房公积金使用代际互助。住房公积金缴存职工购买新建商品住房可提取配偶及双方直系亲属的住房公积金。\n本通知自2024年12月10日起施行。\n襄阳市住房和城市更新局\n2024年12月10日\n";
        let got = tasks_after(directive, super::unnumbered);
        let tasks: Vec<(&str, &str, Vec<&str>)> = got
            .iter()
            .map(|(n, t, targets)| {
                let targets = targets.iter().map(String::as_str).collect();
                (n.as_str(), t.as_str(), targets)
            })
            .collect();
        assert_eq!(
            tasks,
            [
                ("¶1", "加大住房公积金支持\n贷款额度提至80万元\n住房公积金最高贷款额度提高至80万元；对新市民、青年人购房的，贷款额度可上浮20%。", vec!["提高至80万元", "20%"]),
                ("¶2", "实行家庭住房公积金使用代际互助。住房公积金缴存职工购买新建商品住房可提取配偶及双方直系亲属的住房公积金。", vec![]),
            ]
        );
        assert_eq!(
            crate::rules::task_name(tasks[1].0, crate::data::Lang::Zh),
            "第2段"
        );
        // A document that has items is left as the parser read it.
        let data = RuleData::builtin();
        let numbered = "某市通知\n一、加大住房公积金支持。住房公积金最高贷款额度提高至80万元。\n";
        let src = SourceFile::new("d.txt", numbered);
        let parsed = crate::reading::parse_document(&src, &data);
        let before: Vec<_> = parsed.tasks.iter().map(|t| t.text).collect();
        let after: Vec<_> = super::unnumbered(&src, parsed, &data)
            .tasks
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(after, before);
        assert_eq!(after.len(), 1);
    }

    /// A news write-up of a city's measures (pairs/s20h-jiangxi-xiushui-housing, 九江市, 2022):
    /// its lede is a release note (a date, 获悉, 印发) that states the first measure, so it is
    /// read as a task; a release note after the body still ends it.
    #[test]
    fn a_write_up_s_lede_is_a_task_and_a_later_release_note_ends_the_body() {
        let directive = "促进房地产业健康发展和良性循环若干措施的通知\n6月4日,澎湃新闻获悉,江西省九江市人民政府办公室近日印发《促进房地产业健康发展和良性循环若干措施的通知》明确,支持人民群众合理购房需求,支持人民群众对住房改善性需求。\n同时,降低二套房首付比例。购买二套房申请住房公积金贷款的,贷款首付比例由40%降低至30%。\n2022年6月5日,九江市住房和城乡建设局正式对外发布上述措施的解读。\n各地陆续出台的政策还将持续释放购房需求。\n";
        let got = tasks_after(directive, super::unnumbered);
        let tasks: Vec<(&str, &str)> = got
            .iter()
            .map(|(n, t, _)| (n.as_str(), t.as_str()))
            .collect();
        assert_eq!(
            tasks,
            [
                ("¶1", "6月4日,澎湃新闻获悉,江西省九江市人民政府办公室近日印发《促进房地产业健康发展和良性循环若干措施的通知》明确,支持人民群众合理购房需求,支持人民群众对住房改善性需求。"),
                ("¶2", "同时,降低二套房首付比例。购买二套房申请住房公积金贷款的,贷款首付比例由40%降低至30%。"),
            ]
        );
    }

    /// From pairs/s10c-national-zhejiang-agri-tech-extension-law (农业技术推广法 第二十二条): an
    /// article of two paragraphs is two directive tasks, each with the target standing in it.
    #[test]
    fn each_paragraph_of_an_article_is_a_task_with_its_own_targets() {
        let directive = "中华人民共和国农业技术推广法\n第三章　农业技术的推广与应用\n第二十二条　国家鼓励和支持农业劳动者和农业生产经营组织参与农业技术推广。\n推广农业技术，应当选择有条件的农户、区域或者工程项目，每年进行应用示范不少于10个。\n第二十三条　县、乡镇国家农业技术推广机构应当组织农业劳动者学习农业科学技术知识。\n";
        assert_eq!(
            grain_of(directive),
            [
                ("第三章第二十二条¶1".to_string(), "国家鼓励和支持农业劳动者和农业生产经营组织参与农业技术推广。".to_string(), vec![]),
                ("第三章第二十二条¶2".to_string(), "推广农业技术，应当选择有条件的农户、区域或者工程项目，每年进行应用示范不少于10个。".to_string(), vec!["不少于10个".to_string()]),
                ("第三章第二十三条".to_string(), "县、乡镇国家农业技术推广机构应当组织农业劳动者学习农业科学技术知识。".to_string(), vec![]),
            ]
        );
    }

    /// From pairs/s11-shandong-qingdao-laixi-opc: a policy's contact line (政策咨询：…) and a
    /// line shorter than a statement (符合条件的：) are read with the paragraph they belong to.
    #[test]
    fn details_and_short_lines_stay_with_their_paragraph() {
        let directive = "青岛市支持人工智能OPC发展若干政策\n一、降低创业成本\n2.对入驻政府投资开发的创业孵化基地（园区）,符合条件的给予最长3年房租减免。\n政策咨询：市公共就业和人才服务中心创业服务部\n联系方式：66781818\n3.申请人应当具备下列条件：\n毕业3年内的全日制专科及以上学历高校毕业生在本市创办企业。\n";
        let got: Vec<(String, String)> = grain_of(directive)
            .into_iter()
            .map(|(n, t, _)| (n, t))
            .collect();
        assert_eq!(
            got,
            [
                ("一、2.".to_string(), "对入驻政府投资开发的创业孵化基地（园区）,符合条件的给予最长3年房租减免。\n政策咨询：市公共就业和人才服务中心创业服务部\n联系方式：66781818".to_string()),
                ("一、3.".to_string(), "申请人应当具备下列条件：\n毕业3年内的全日制专科及以上学历高校毕业生在本市创办企业。".to_string()),
            ]
        );
    }

    /// The class the grain is for: a plan that carries an article's first paragraph and not
    /// its second is told so, naming the paragraph; carrying both, nothing is missing.
    #[test]
    fn a_paragraph_the_plan_leaves_out_is_a_missing_task() {
        let directive = "中华人民共和国献血法\n第七条　国家提倡十八周岁至五十五周岁的健康公民自愿献血。\n各级人民政府应当采取措施广泛宣传献血的意义，普及献血的科学知识，开展预防和控制经血液途径传播的疾病的教育。\n";
        let plan = |second: &str| {
            format!("浙江省实施《中华人民共和国献血法》办法\n第五条　本省提倡十八周岁至五十五周岁的健康公民自愿献血。{second}\n第六条　县级以上人民政府卫生健康主管部门负责本行政区域内献血工作的监督管理。\n")
        };
        let f = findings_against(&plan(""), directive, "missing-task");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].2.starts_with(
                "directive task 第七条 ¶2 “各级人民政府应当采取措施广泛宣传献血的意义"
            ),
            "{f:?}"
        );
        let carried = "各级人民政府应当采取措施，广泛宣传献血的意义，普及献血的科学知识，开展预防和控制经血液途径传播的疾病的教育。";
        assert_eq!(
            findings_against(&plan(carried), directive, "missing-task"),
            vec![]
        );
    }

    /// From pairs/s10-national-chongqing-soil-conservation-law (水土保持法 第五十三条): each case
    /// of a penalty article is a penalty too, carried only by a penalty of the plan; the plan's
    /// duty to draw up the plan (应当编制水土保持方案) does not carry the case of not drawing it up.
    #[test]
    fn the_cases_of_a_penalty_article_are_carried_only_by_penalties() {
        let directive = "中华人民共和国水土保持法\n第五十三条　违反本法规定，有下列行为之一的，由县级以上人民政府水行政主管部门责令停止违法行为，限期补办手续；逾期不补办手续的，处五万元以上五十万元以下的罚款：\n（一）依法应当编制水土保持方案的生产建设项目，未编制水土保持方案或者编制的水土保持方案未经批准而开工建设的；\n（二）生产建设项目的地点、规模发生重大变化，未补充、修改水土保持方案或者补充、修改的水土保持方案未经原审批机关批准的。\n";
        let plan = "重庆市实施《中华人民共和国水土保持法》办法\n第十条　依法应当编制水土保持方案的生产建设项目，生产建设单位应当编制水土保持方案，报水行政主管部门审批；未经批准的，不得开工建设。\n第十一条　生产建设项目的地点、规模发生重大变化的，生产建设单位应当补充、修改水土保持方案，报原审批机关批准。\n";
        let f = findings_against(plan, directive, "missing-task");
        let named: Vec<&str> = f
            .iter()
            .map(|x| x.2.split(" “").next().unwrap_or(""))
            .collect();
        assert_eq!(
            named,
            [
                "directive task 第五十三条 ¶1",
                "directive task 第五十三条 ¶2",
                "directive task 第五十三条 ¶3"
            ],
            "{f:?}"
        );
    }

    /// From pairs/s11-zhejiang-jiaxing-jiashan-opc (嘉兴 十、): a date written in one paragraph is
    /// that paragraph's deadline only; a deadline in the item's clause holds for every paragraph.
    #[test]
    fn a_date_in_one_paragraph_is_that_paragraph_s_deadline() {
        let deadlines = |directive: &str| {
            let data = RuleData::builtin();
            let src = SourceFile::new("d.txt", directive);
            let doc = super::by_paragraph(&src, crate::reading::parse_document(&src, &data), &data);
            doc.tasks
                .iter()
                .map(|t| t.deadline.as_ref().map(|d| d.text.clone()))
                .collect::<Vec<_>>()
        };
        let item = "嘉兴市实施方案\n一、重点任务\n（十）营造OPC创业氛围。结合乌镇峰会等活动大力开展OPC产业对接活动，推进产业链、创新链深度融合。\n建立媒体矩阵，及时总结、宣传经验做法，到2029年底，全市建成若干个OPC特色社区。\n";
        assert_eq!(deadlines(item), [None, Some("2029年底".to_string())]);
        let clause = "某市实施方案\n一、重点任务\n（十）营造OPC创业氛围。结合乌镇峰会等活动大力开展OPC产业对接活动，推进产业链、创新链深度融合。\n建立媒体矩阵，及时总结、宣传经验做法，营造浓厚的创新创业氛围。（市科技局牵头；2026年底前完成）\n";
        assert_eq!(
            deadlines(clause),
            [
                Some("2026年底前完成".to_string()),
                Some("2026年底前完成".to_string())
            ]
        );
    }
}
