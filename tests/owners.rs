//! Owners as real plans write them (issue 18, classes 1, 2, 8, 10 and 11): seed 002's clauses
//! rewritten into the other shapes plans use must give the same leads and partners as the
//! seed's own bracketed clauses.

use crate::support::seed_text;
use planlint::data::RuleData;
use planlint::model::Document;
use planlint::reading::parse_document;
use planlint::source::SourceFile;

fn parse(text: &str) -> (SourceFile, Document) {
    let src = SourceFile::new("plan.txt", text);
    let doc = parse_document(&src, &RuleData::builtin());
    (src, doc)
}

fn v(s: &[&str]) -> Vec<String> {
    s.iter().map(|x| x.to_string()).collect()
}

/// A plan of corpus-judged/, read.
fn judged(name: &str) -> (SourceFile, Document) {
    parse(&std::fs::read_to_string(format!("corpus-judged/{name}")).unwrap())
}

/// (line, leads, partners) of the tasks starting on `lines`.
fn owners_on(
    src: &SourceFile,
    doc: &Document,
    lines: std::ops::RangeInclusive<usize>,
) -> Vec<(usize, Vec<String>, Vec<String>)> {
    owners(src, doc)
        .into_iter()
        .filter(|x| lines.contains(&x.0))
        .collect()
}

/// (line, leads, partners) of every task, lines 1-based.
fn owners(src: &SourceFile, doc: &Document) -> Vec<(usize, Vec<String>, Vec<String>)> {
    doc.tasks
        .iter()
        .map(|t| {
            (
                src.line_col(t.span.start).line,
                t.leads.iter().map(|u| u.name.clone()).collect(),
                t.partners.iter().map(|u| u.name.clone()).collect(),
            )
        })
        .collect()
}

/// Seed 002's items `（三）标题。正文（A、B按职责分工负责）`: (line index, number, text without
/// the clause, the clause's units).
fn clause_items(seed: &str) -> Vec<(usize, String, String, String)> {
    let marker = "按职责分工负责）";
    seed.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let body = l.strip_suffix(marker)?;
            let open = body.rfind('（')?;
            let units = &body[open + '（'.len_utf8()..];
            if units.contains(['，', '；', '（']) || !l.starts_with('（') {
                return None;
            }
            let close = l.find('）')? + '）'.len_utf8();
            Some((
                i,
                l[..close].to_string(),
                body[close..open].to_string(),
                units.to_string(),
            ))
        })
        .collect()
}

#[test]
fn owners_written_before_the_work_read_as_the_seeds_clauses() {
    let seed = seed_text("002");
    let items = clause_items(&seed);
    assert_eq!(items.len(), 18, "seed 002's items closed by 按职责分工负责");
    let mut lines: Vec<String> = seed.lines().map(str::to_string).collect();
    for (i, number, text, units) in &items {
        // （三）市环保局、市农发局按职责分工负责净化农业生产环境。……
        lines[*i] = format!("{number}{units}按职责分工负责{text}");
    }
    let rewritten = lines.join("\n");
    let (src0, doc0) = parse(&seed);
    let (src1, doc1) = parse(&rewritten);
    let want: Vec<_> = owners(&src0, &doc0)
        .into_iter()
        .filter(|(l, _, _)| items.iter().any(|(i, ..)| i + 1 == *l))
        .collect();
    let got: Vec<_> = owners(&src1, &doc1)
        .into_iter()
        .filter(|(l, _, _)| items.iter().any(|(i, ..)| i + 1 == *l))
        .collect();
    assert_eq!(got, want);
    assert_eq!(got.len(), 18);
    assert_eq!(
        got[0].1,
        [
            "市发展改革局",
            "市经信局",
            "市环保局",
            "市农发局",
            "市海洋渔业局"
        ]
    );
}

#[test]
fn a_unit_as_the_item_title_leads_the_item() {
    // A 职责分工 section: each item names its unit as the title, its duties after it.
    let plan = "某区实施方案\n一、职责分工\n（一）区建管委。负责统筹协调全区建设工作，制定年度计划。\n（二）区财政局。负责落实资金保障。\n（三）成立联合采购办公室。负责组织采购。\n";
    let (src, doc) = parse(plan);
    assert_eq!(
        owners(&src, &doc),
        vec![
            (3, vec!["区建管委".to_string()], vec![]),
            (4, vec!["区财政局".to_string()], vec![]),
            (5, vec![], vec![]),
        ]
    );
}

#[test]
fn any_name_in_a_role_slot_is_a_unit() {
    let plan = "某县实施方案\n一、主要任务\n（一）加强组织。加快推进项目建设。（温州市、各县（市、区）政府负责）\n（二）加强协调。开展宣传活动。（省工商联、市残联、团市委按职责分工负责牵头）\n（三）加强保障。落实资金。（各县区分头落实）\n（四）推进改革。完善机制。（县发改局牵头，县城投集团、杭州银行、阿里巴巴参与）\n（五）鼓励投入。完善机制。（鼓励社会资本参与）\n";
    let (src, doc) = parse(plan);
    assert_eq!(
        owners(&src, &doc),
        vec![
            (3, v(&["温州市", "各县（市、区）政府"]), vec![]),
            (4, v(&["省工商联", "市残联", "团市委"]), vec![]),
            (5, v(&["各县区"]), vec![]),
            (
                6,
                v(&["县发改局"]),
                v(&["县城投集团", "杭州银行", "阿里巴巴"])
            ),
            (7, vec![], vec![]),
        ]
    );
}

#[test]
fn a_lead_label_beside_a_responsibility_label_makes_partners() {
    let plan = "某县实施方案\n一、主要任务\n（一）强化监管。加强检查。（牵头单位：县市场监管局，责任单位：县公安局、县农业农村局）\n（二）强化执法。加强执法。（牵头：县司法局；责任：县公安局）\n（三）强化宣传。广泛宣传。（各乡镇党委和人民政府落实）\n（四）强化监测。加强监测。（市卫健委疾病预防控制中心负责）\n（五）强化监测。加强监测。（市卫健委市疾控中心负责）\n";
    let (src, doc) = parse(plan);
    assert_eq!(
        owners(&src, &doc),
        vec![
            (3, v(&["县市场监管局"]), v(&["县公安局", "县农业农村局"])),
            (4, v(&["县司法局"]), v(&["县公安局"])),
            (5, v(&["各乡镇党委和人民政府"]), vec![]),
            (6, v(&["市卫健委疾病预防控制中心"]), vec![]),
            (7, v(&["市卫健委", "市疾控中心"]), vec![]),
        ]
    );
}

/// corpus-judged/v01 (郑州, 22 measures): `牵头单位:A` and `责任单位:B` on lines of their own under
/// each item: B are co-responsible partners, and a lead list runs on over a half-width comma.
#[test]
fn a_lead_label_line_and_a_responsibility_label_line_below_it() {
    let (src, doc) = judged("v01-city-finance-zhengzhou-financial-support-measures.txt");
    assert_eq!(
        owners_on(&src, &doc, 4..=7),
        vec![
            (
                4,
                v(&["市金融局"]),
                v(&["郑东新区管委会", "郑州航空港区管委会"])
            ),
            (7, v(&["市金融局"]), v(&["市财政局"])),
        ]
    );
    assert_eq!(
        owners_on(&src, &doc, 42..=42),
        vec![(
            42,
            v(&[
                "郑东新区管委会",
                "郑州高新区管委会",
                "河南自贸区郑州片区管委会",
                "金水区人民政府"
            ]),
            v(&[
                "市发展改革委",
                "市财政局",
                "市科技局",
                "市金融局",
                "市市场监管局"
            ])
        )]
    );
}

#[test]
fn a_table_written_one_cell_per_line_is_read() {
    // Seed 002's clauses as a 任务清单 copied from a web page: one cell per line, no tabs.
    let seed = seed_text("002");
    let items = clause_items(&seed);
    let mut table =
        String::from("某市实施方案\n附件\n任务清单\n序号\n重点任务\n牵头单位\n完成时限\n");
    for (n, (_, _, text, units)) in items.iter().enumerate() {
        let task: String = text.chars().take(30).collect();
        table.push_str(&format!("{}\n{task}\n{units}\n2024年底前\n", n + 1));
    }
    let (src, doc) = parse(&table);
    let got = owners(&src, &doc);
    assert_eq!(got.len(), items.len());
    for ((_, leads, _), (_, _, _, units)) in got.iter().zip(&items) {
        assert_eq!(leads.join("、"), *units);
    }
    assert!(doc
        .tasks
        .iter()
        .all(|t| t.deadline.as_ref().is_some_and(|d| d.text == "2024年底前")));
}

/// A Word table whose 牵头单位 and 配合单位 cells are merged down over two rows (vMerge), as
/// 完成时限 cells often are: the second row has the same owners, not a missing lead.
#[test]
fn a_lead_cell_merged_down_in_word_carries_to_the_rows_below() {
    use std::io::Write;
    let cell = |text: &str, merge: &str| {
        let v = match merge {
            "restart" => "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>",
            "continue" => "<w:tcPr><w:vMerge/></w:tcPr>",
            _ => "",
        };
        format!("<w:tc>{v}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    };
    let row = |cells: Vec<String>| format!("<w:tr>{}</w:tr>", cells.concat());
    let table = [
        row(vec![
            cell("序号", ""),
            cell("重点任务", ""),
            cell("牵头单位", ""),
            cell("配合单位", ""),
            cell("完成时限", ""),
        ]),
        row(vec![
            cell("1", ""),
            cell("开展食品安全专项检查。", ""),
            cell("县市场监管局", "restart"),
            cell("县公安局", "restart"),
            cell("2024年底前", "restart"),
        ]),
        row(vec![
            cell("2", ""),
            cell("开展农药残留专项整治。", ""),
            cell("", "continue"),
            cell("", "continue"),
            cell("", "continue"),
        ]),
        row(vec![
            cell("3", ""),
            cell("开展校园食品安全检查。", ""),
            cell("县教育局", ""),
            cell("", ""),
            cell("2024年6月底前", ""),
        ]),
    ]
    .concat();
    let body =
        format!("<w:p><w:r><w:t>某县食品安全工作方案</w:t></w:r></w:p><w:tbl>{table}</w:tbl>");
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    z.start_file("[Content_Types].xml", o).unwrap();
    z.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>").unwrap();
    z.start_file("word/document.xml", o).unwrap();
    z.write_all(
        format!("<?xml version=\"1.0\"?><w:document {w}><w:body>{body}</w:body></w:document>")
            .as_bytes(),
    )
    .unwrap();
    let bytes = z.finish().unwrap().into_inner();
    let src = planlint::input::docx::read("plan.docx", &bytes, 1 << 20).unwrap();
    let doc = parse_document(&src, &RuleData::builtin());
    let got: Vec<(Vec<String>, Vec<String>, Option<String>)> = doc
        .tasks
        .iter()
        .map(|t| {
            (
                t.leads.iter().map(|u| u.name.clone()).collect(),
                t.partners.iter().map(|u| u.name.clone()).collect(),
                t.deadline.as_ref().map(|d| d.text.clone()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                v(&["县市场监管局"]),
                v(&["县公安局"]),
                Some("2024年底前".to_string())
            ),
            (
                v(&["县市场监管局"]),
                v(&["县公安局"]),
                Some("2024年底前".to_string())
            ),
            (v(&["县教育局"]), vec![], Some("2024年6月底前".to_string())),
        ]
    );
}

/// Issue 18, classes 7 and 8: a regulation in articles (秀山…梅江河流域水生态环境保护条例,
/// corpus-judged/t08) assigns duties by article, to the subject of its sentences. Each article
/// is a task (the purpose article is not), its leads are its sentences' subjects and 会同 names
/// partners; an article whose paragraphs (款) name owners of their own is a task per such
/// paragraph (第四条: 自治县人民政府; 乡镇人民政府、街道办事处; 村（居）民委员会), while one whose
/// later paragraph names none it can read stays whole (第五条, lines 11–12).
#[test]
fn an_article_is_a_task_and_its_subject_the_owner() {
    let (src, doc) = judged("t08-county-ecology-xiushan-meijiang-river-regulation.txt");
    let got = owners(&src, &doc);
    let first: Vec<usize> = got.iter().take(5).map(|x| x.0).collect();
    assert_eq!(
        first,
        [7, 8, 9, 10, 11],
        "第一条 and 第二条 state purpose and scope: no task"
    );
    let at = |line: usize| got.iter().find(|x| x.0 == line).cloned().unwrap();
    assert_eq!(at(7), (7, v(&[]), v(&[])));
    assert_eq!(at(8), (8, v(&["自治县人民政府"]), v(&[])));
    assert_eq!(at(9), (9, v(&["乡镇人民政府", "街道办事处"]), v(&[])));
    assert_eq!(at(10), (10, v(&["村（居）民委员会"]), v(&[])));
    assert_eq!(at(11), (11, v(&["自治县生态环境主管部门"]), v(&[])));
    let numbers: Vec<&str> = doc.tasks[1..5].iter().map(|t| t.number.as_str()).collect();
    assert_eq!(
        numbers,
        [
            "第一章第四条¶1",
            "第一章第四条¶2",
            "第一章第四条¶3",
            "第一章第五条"
        ]
    );
    // 第五条's second paragraph (自治县发展改革、经济信息…等部门按照各自职责…) stays with it.
    assert_eq!(src.line_col(doc.tasks[4].span.end).line, 12);
    assert_eq!(
        at(29),
        (29, v(&["自治县生态环境主管部门"]), v(&["水行政等部门"]))
    );
    // The articles' owners are the law's wording: no finding judges their names.
    let data = RuleData::builtin();
    let set = planlint::rules::RuleSet::new(&data.catalogue, &[], &[]).unwrap();
    let findings = planlint::batch::check_source(&src, &data, &set, None);
    let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_ref()).collect();
    assert!(
        !rules.contains(&"vague-lead") && !rules.contains(&"no-tasks"),
        "{rules:?}"
    );
}

/// Issue 18, class 8: a 责任分工 section whose paragraphs each open on their owners
/// (广州市困难残疾人…补贴实施办法, corpus-judged/t01, 五、责任分工) gives one task per paragraph,
/// led by the units it opens on, in a document that names no owner in clauses.
#[test]
fn each_paragraph_of_a_duty_section_is_a_task_of_the_units_it_opens_on() {
    let (src, doc) = judged("t01-city-civil-affairs-guangzhou-disability-subsidies.txt");
    let got = owners_on(&src, &doc, 27..=32);
    assert_eq!(
        got,
        vec![
            // …负责…的审定、信息公开…；会同区残联，通过…报送: after the owner, 会同 names
            // its partner.
            (28, v(&["市民政部门", "区民政部门"]), v(&["区残联"])),
            (29, v(&["市、区残联"]), v(&[])),
            (30, v(&["市、区财政部门", "区财政部门"]), v(&[])),
            (31, v(&["镇（街）"]), v(&[])),
        ]
    );
}

/// Issue 18, class 8: a plan that closes each numbered measure with a `责任单位：` line of its
/// own (石棉县…十六条措施, corpus-judged/n01): under 八、 the line follows the last item (二),
/// and names the owner of (一) too, which then lacks no lead.
#[test]
fn a_label_line_closing_a_group_names_the_owner_of_each_item() {
    let (src, doc) = judged("n01-county-housing-shimian-housing-demand-16-measures.txt");
    let got = owners_on(&src, &doc, 27..=32);
    let lead = v(&["市住房公积金管理中心石棉县管理部"]);
    assert_eq!(got, vec![(27, lead.clone(), v(&[])), (29, lead, v(&[]))]);
    let data = RuleData::builtin();
    let set =
        planlint::rules::RuleSet::new(&data.catalogue, &["missing-lead".to_string()], &[]).unwrap();
    let missing: Vec<usize> = planlint::batch::check_source(&src, &data, &set, None)
        .iter()
        .map(|f| src.line_col(f.span.start).line)
        .collect();
    assert!(!missing.contains(&27), "{missing:?}");
}

/// Issue 18, class 8: the last group of a plan closes with its `牵头单位:A,责任单位:B` line and then
/// the plan's closing paragraph follows (定西市…一揽子政策措施, corpus-judged/m02): the line still
/// names the owner of each item of the group.
#[test]
fn a_label_line_closing_the_last_group_before_the_closing_paragraph() {
    let (src, doc) = judged("m02-city-economy-dingxi-winter-spring-measures.txt");
    let got = owners_on(&src, &doc, 45..=47);
    let lead = v(&["市商务局"]);
    let partners = v(&["各县区人民政府", "定西高新区管委会", "市政府相关单位"]);
    assert_eq!(
        got,
        vec![
            (45, lead.clone(), partners.clone()),
            (46, lead.clone(), partners.clone()),
            (47, lead, partners)
        ]
    );
}

/// Issue 18, class 1: a unit with a note of its scope in brackets (各区县政府(含高新区…,下同),
/// corpus-judged/m03) is the unit before the note; a note assigning all later measures
/// (以下措施均需江北新区管委会、各区政府落实, corpus-judged/m07) is no unread clause.
#[test]
fn scope_notes_and_blanket_notes_in_a_clause_are_read() {
    let (src, doc) = judged("m03-city-public-security-zibo-hukou-reform-opinions.txt");
    let got = owners_on(&src, &doc, 23..=23);
    let leads = v(&[
        "市公安局",
        "市人力资源社会保障局",
        "市农业农村局",
        "各区县政府",
    ]);
    assert_eq!(got, vec![(23, leads, v(&[]))]);
    let unread_lines: Vec<usize> = doc
        .unread_clauses
        .iter()
        .map(|s| src.line_col(s.start).line)
        .collect();
    assert!(!unread_lines.contains(&23), "{unread_lines:?}");
    let (_, doc) = judged("m07-city-economy-nanjing-economic-upturn-measures.txt");
    assert!(doc.unread_clauses.is_empty(), "{:?}", doc.unread_clauses);
    // x06 (贵州): 各项措施责任单位均包括各市〔州〕…人民政府,以下不再列出 is a blanket note.
    let (src, doc) = judged("x06-province-investment-guizhou-major-projects-measures.txt");
    assert!(doc.unread_clauses.is_empty(), "{:?}", doc.unread_clauses);
    // x01 (武汉): a scope note in angle marks (各区人民政府〈含开发区,长江新区,风景区管委会,下同〉).
    let (x01, x01_doc) = judged("x01-city-economy-wuhan-endogenous-growth-measures.txt");
    assert_eq!(
        owners_on(&x01, &x01_doc, 5..=5),
        vec![(
            5,
            v(&[
                "市商务局",
                "市机关事务局",
                "市经信局",
                "市交通运输局",
                "市财政局",
                "市政府国资委",
                "各区人民政府"
            ]),
            v(&[])
        )]
    );
    let got = owners_on(&src, &doc, 11..=11);
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].1.first().map(String::as_str),
        Some("省工业和信息化厅")
    );
}

/// Issue 18, class 2: a plan's own sentence declares that the first unit listed leads
/// (各项举措中排序第一的责任单位为该项牵头单位, in the closing paragraphs of
/// corpus-judged/m07): every `(责任单位:A、B、C)` before it then has A as lead and B, C as
/// partners.
#[test]
fn a_first_listed_convention_stated_in_the_closing_paragraphs_covers_every_clause() {
    let (src, doc) = judged("m07-city-economy-nanjing-economic-upturn-measures.txt");
    let got = owners_on(&src, &doc, 10..=11);
    assert_eq!(
        got,
        vec![
            (10, v(&["市税务局"]), v(&["市财政局", "市科技局"])),
            (11, v(&["市工信局"]), v(&["市财政局"]))
        ]
    );
}

/// Issue 18, class 8: a measure whose sub-items 1. 2. are closed by one clause after the last
/// (（一）…1.…2.…〔责任单位:区财政局、区住建局〕, corpus-judged/u06): in a plan that never gives two
/// sub-items of one measure clauses of their own, the clause is the measure's, so item 1. has
/// the same owners — also where a note follows the clause (第(一)条与第(二)条不能叠加领取。).
#[test]
fn one_clause_closing_a_measure_s_last_sub_item_covers_its_earlier_ones() {
    let (src, doc) = judged("u06-district-housing-yujiang-property-market-opinions.txt");
    let got = owners_on(&src, &doc, 4..=8);
    let first = v(&["区财政局", "区住建局"]);
    let second = v(&["区财政局", "区卫健委", "区住建局"]);
    assert_eq!(
        got,
        vec![
            (4, first.clone(), v(&[])),
            (5, first, v(&[])),
            (7, second.clone(), v(&[])),
            (8, second, v(&[]))
        ]
    );
}

/// Seed 002's clauses rewritten as the item's opening sentence (`（三）标题。由A牵头，会同B…`),
/// the shape of corpus-judged h01 (资金分配。省财政厅会同省农业农村厅…) and corpus 03
/// (由北京市经济和信息化局会同数据专区监管部门组织做好…): each item keeps its owners, although
/// its siblings keep their bracketed clauses.
#[test]
fn owners_in_an_items_opening_sentence_are_its_leads_and_partners() {
    let plan = "某县农村公路提升工作实施方案\n一、重点任务\n（一）加强路网建设。由县交通运输局牵头，会同县财政局、县自然资源局推进农村公路提档升级，2023年底前完成。\n（二）强化资金保障。县财政局负责统筹安排资金，县审计局配合做好审计监督。\n（三）推进城区道路改造。完成主干道改造。（县住建局牵头，县城管局配合）\n（四）开展安全整治。县公安局交警大队负责道路交通安全整治。\n（五）加强宣传。广泛宣传。各乡镇负责组织群众参与。\n";
    let (src, doc) = parse(plan);
    assert_eq!(
        owners(&src, &doc),
        vec![
            (3, v(&["县交通运输局"]), v(&["县财政局", "县自然资源局"])),
            (4, v(&["县财政局"]), v(&["县审计局"])),
            (5, v(&["县住建局"]), v(&["县城管局"])),
            (6, v(&["县公安局交警大队"]), vec![]),
            // An owner named only after the item's second sentence is not its opening's.
            (7, vec![], vec![]),
        ]
    );
    // Real text: corpus-judged h01 五、（一） and corpus 03 八、（三）.
    let (src, doc) = judged("h01-province-agriculture-hainan-farm-machinery-subsidy-plan.txt");
    assert_eq!(
        owners_on(&src, &doc, 40..=40),
        vec![(40, v(&["省财政厅"]), v(&["省农业农村厅"]))]
    );
    let text = std::fs::read_to_string("corpus/03-city-data-beijing-data-zones.txt").unwrap();
    let (src, doc) = parse(&text);
    assert_eq!(
        owners_on(&src, &doc, 66..=66),
        vec![(66, v(&["北京市经济和信息化局"]), v(&["数据专区监管部门"]))]
    );
}

/// A stage of the schedule, a words-only item and a closing paragraph name no owner of a task:
/// 由县委办公室负责解释 interprets the text, 强化部门负责 is no unit, a stage's lead runs it.
#[test]
fn what_is_not_an_owner_in_an_opening_sentence() {
    let plan = "某县实施方案\n一、重点任务\n（一）推进改革。深化改革。（县发展改革局负责）\n（二）强化责任。强化部门负责，层层压实责任。\n（三）优化服务。提升水平。（县政务服务中心负责）\n二、实施步骤\n（一）自查督查阶段\n县食药安办牵头，各有关单位对照细则开展自查。\n三、其他\n（一）本方案自印发之日起施行，由县委办公室负责解释。\n";
    let (src, doc) = parse(plan);
    let led: Vec<_> = owners(&src, &doc)
        .into_iter()
        .filter(|(_, l, _)| !l.is_empty())
        .collect();
    assert_eq!(
        led,
        vec![
            (3, v(&["县发展改革局"]), vec![]),
            (5, v(&["县政务服务中心"]), vec![])
        ]
    );
}

/// corpus-judged k03 (青浦区低空经济…行动方案): every item closes with a bracket that only lists
/// units, with no role word; they are its owners, all responsible.
#[test]
fn a_bare_unit_list_closing_an_item_names_its_owners() {
    let (src, doc) = judged("k03-district-industry-qingpu-low-altitude-economy-plan.txt");
    assert_eq!(doc.tasks.len(), 17);
    assert!(doc.tasks.iter().all(|t| !t.leads.is_empty()));
    assert_eq!(
        owners_on(&src, &doc, 23..=23),
        vec![(
            23,
            v(&[
                "区经委",
                "区发改委",
                "华新镇",
                "白鹤镇",
                "练塘镇",
                "青浦工业园区",
                "西虹桥公司",
                "新城公司"
            ]),
            vec![]
        )]
    );
    // Examples named in brackets are no owners: no unit there ends like a placed body.
    let plan = "某区实施方案\n一、任务\n（一）建设园区。推进园区建设。（区经委、区发改委）\n（二）培育企业。支持龙头企业做大做强（华为公司、比亚迪集团）。\n（三）优化服务。提升服务水平。（区政务服务中心）\n";
    let (src, doc) = parse(plan);
    assert_eq!(
        owners(&src, &doc),
        vec![
            (3, v(&["区经委", "区发改委"]), vec![]),
            (4, vec![], vec![]),
            (5, v(&["区政务服务中心"]), vec![])
        ]
    );
}

/// corpus-judged k06 (湛江市推动低空经济…行动方案): `（责任单位：A牵头，B，C配合）` — the role
/// words, not the label, give the roles; `A牵头、B配合` (、 for ，) reads the same.
#[test]
fn role_words_inside_a_responsibility_label() {
    let (src, doc) = judged("k06-city-industry-zhanjiang-low-altitude-economy-plan.txt");
    assert_eq!(
        owners_on(&src, &doc, 18..=18),
        vec![(
            18,
            v(&["市发展改革局"]),
            v(&[
                "市工业和信息化局",
                "市公安局",
                "市交通运输局",
                "市政务和数据局",
                "中国民用航空湛江空中交通管理站"
            ])
        )]
    );
    assert_eq!(
        owners_on(&src, &doc, 36..=36),
        vec![(
            36,
            v(&["市科技局"]),
            v(&["市工业和信息化局", "市投资促进局"])
        )]
    );
    // 责任单位：A牵头，B按职责分工负责 — B co-responsible partners.
    assert_eq!(owners_on(&src, &doc, 34..=34)[0].1, v(&["市投资促进局"]));
}

/// corpus-judged k02 (重庆市…重点任务分工): a table written one cell per line whose rows stand
/// under group rows (（一）构建…) and whose 备注 cells are empty; a — cell names nobody.
#[test]
fn a_one_cell_per_line_table_with_group_rows() {
    let (src, doc) = judged("k02-province-industry-chongqing-low-altitude-economy-plan.txt");
    assert_eq!(doc.tasks.len(), 25);
    let rows = owners(&src, &doc);
    assert_eq!(
        rows[0],
        (
            70,
            v(&["市委军民融合办"]),
            v(&["民航重庆监管局", "民航重庆空管分局", "市级有关部门"])
        )
    );
    assert!(rows
        .iter()
        .all(|(_, l, p)| !l.is_empty() && !p.iter().any(|x| x == "—")));
}

/// corpus-judged h07 (广州市家庭医生签约服务…实施方案): 附件1's indicator table, then 附件2's title
/// and its task table with a 牵头单位 column. Two tables, and the second one's rows are tasks
/// with their leads (they were read as rows of the first table, with no lead column).
#[test]
fn an_indicator_table_then_a_task_table_after_an_attachment_title() {
    let (src, doc) = judged("h07-city-health-guangzhou-family-doctor-plan.txt");
    assert_eq!(doc.census.tables, 2);
    let rows = owners(&src, &doc);
    // Row 1 (有序扩大家庭医生来源): 牵头单位 各区政府, 配合单位 市卫生健康委.
    assert_eq!(
        rows.iter().find(|r| r.0 == 69),
        Some(&(69, v(&["各区政府"]), v(&["市卫生健康委"])))
    );
    assert!(rows.iter().filter(|r| r.0 >= 69).all(|r| !r.1.is_empty()));
    assert_eq!(rows.iter().filter(|r| r.0 >= 69).count(), 39);
}
