//! Coverage a reviewer can trust: every document carries itself out whole, and a plan that
//! rewrites its directive the way plans do (sections reordered, tasks merged and split, tasks
//! moved into a table, units brought to the county level) still carries out every task.

use planlint::align::{align, Alignment, Coverage};
use planlint::data::RuleData;
use planlint::model::Document;
use planlint::reading::parse_document;
use planlint::source::SourceFile;

fn parse(name: &str, text: &str) -> (SourceFile, Document) {
    let src = SourceFile::new(name, text);
    let doc = parse_document(&src, &RuleData::builtin());
    (src, doc)
}

fn documents() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["seeds", "corpus"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            out.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    out
}

/// `plan` aligned with `directive`.
fn aligned(plan: &(SourceFile, Document), directive: &(SourceFile, Document)) -> Alignment {
    align(
        &plan.0,
        &plan.1,
        &directive.0,
        &directive.1,
        &RuleData::builtin(),
    )
}

/// (covered, partly, missing) of `plan` against `directive`.
fn verdicts(
    plan: &(SourceFile, Document),
    directive: &(SourceFile, Document),
) -> (usize, usize, usize) {
    let a = aligned(plan, directive);
    let count = |c: Coverage| a.verdicts.iter().filter(|v| v.coverage == c).count();
    (
        count(Coverage::Covered),
        count(Coverage::Partly),
        count(Coverage::Missing),
    )
}

#[test]
fn every_seed_and_corpus_document_carries_itself_out() {
    for (name, text) in documents() {
        let d = parse(&name, &text);
        let n = d.1.tasks.len();
        assert_eq!(verdicts(&d, &d), (n, 0, 0), "{name}");
    }
}

/// A numbered task line: 一、 （一） 1. 1． at its start.
fn is_item(line: &str) -> bool {
    let t = line.trim_start_matches(['\u{3000}', ' ']);
    let first = t.chars().next().unwrap_or(' ');
    (t.starts_with('（') || t.starts_with('('))
        && t.chars()
            .nth(1)
            .is_some_and(|c| "一二三四五六七八九十".contains(c))
        || first.is_ascii_digit() && t.chars().nth(1).is_some_and(|c| "．.、".contains(c))
}

fn is_chapter(line: &str) -> bool {
    let t = line.trim_start_matches(['\u{3000}', ' ']);
    let n: String = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    !n.is_empty() && t[n.len()..].starts_with('、')
}

/// The plan a county writes from the directive: its task chapters in reverse order, two
/// neighbouring items merged into one paragraph, a long item split into two paragraphs, the
/// last two items moved into a task table at the end, and ministries and provinces in the
/// clauses written as county offices.
fn county_rewrite(text: &str) -> String {
    let all: Vec<String> = text.lines().map(str::to_string).collect();
    // The main text; attachments stay as they are, after it.
    let main_end = (1..all.len())
        .find(|&i| all[i].trim().starts_with("附件") && all[i].trim().chars().count() <= 4)
        .unwrap_or(all.len());
    let (lines, attachments) = (all[..main_end].to_vec(), all[main_end..].to_vec());
    // Chapters (blocks from one 一、 line to the next), reversed after the first.
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| is_chapter(&lines[i]))
        .collect();
    let mut body: Vec<String> = Vec::new();
    if starts.len() >= 3 {
        body.extend(lines[..starts[1]].iter().cloned());
        let mut blocks: Vec<Vec<String>> = Vec::new();
        for (k, &s) in starts.iter().enumerate().skip(1) {
            let e = starts.get(k + 1).copied().unwrap_or(lines.len());
            blocks.push(lines[s..e].to_vec());
        }
        blocks.reverse();
        for b in blocks {
            body.extend(b);
        }
    } else {
        body = lines;
    }
    // Merge the first pair of neighbouring items.
    if let Some(i) =
        (0..body.len().saturating_sub(1)).find(|&i| is_item(&body[i]) && is_item(&body[i + 1]))
    {
        let next = body.remove(i + 1);
        let rest: String = next
            .trim_start()
            .chars()
            .skip_while(|c| !"。".contains(*c))
            .skip(1)
            .collect();
        body[i].push_str(&rest);
    }
    // Split the longest item at its second sentence.
    if let Some(i) = (0..body.len())
        .filter(|&i| is_item(&body[i]))
        .max_by_key(|&i| body[i].chars().count())
    {
        let line = body[i].clone();
        let stops: Vec<usize> = line.match_indices('。').map(|(k, _)| k).collect();
        if stops.len() >= 3 {
            let cut = stops[1] + '。'.len_utf8();
            body[i] = line[..cut].to_string();
            body.insert(i + 1, line[cut..].to_string());
        }
    }
    // Move the last two items into a task table.
    let items: Vec<usize> = (0..body.len()).filter(|&i| is_item(&body[i])).collect();
    let mut table = vec![
        "附件".to_string(),
        "重点任务分工表".to_string(),
        "序号\t主要任务\t牵头单位".to_string(),
    ];
    for (n, &i) in items.iter().rev().take(2).rev().enumerate() {
        let line = body[i].trim().to_string();
        let (task, lead) = match line.rfind('（') {
            Some(k) if line.ends_with('）') && line[k..].contains("负责") => (
                line[..k].to_string(),
                line[k + '（'.len_utf8()..line.len() - '）'.len_utf8()].to_string(),
            ),
            _ => (line.clone(), String::new()),
        };
        table.push(format!("{}\t{task}\t{lead}", n + 1));
    }
    for &i in items.iter().rev().take(2) {
        body.remove(i);
    }
    body.extend(attachments);
    body.extend(table);
    // County offices for ministries and provinces inside the clauses.
    body.iter()
        .map(|l| {
            let mut out = String::new();
            let mut depth = 0;
            for c in l.chars() {
                match c {
                    '（' | '(' => depth += 1,
                    '）' | ')' => depth -= 1,
                    _ => {}
                }
                out.push(match (depth > 0, c) {
                    (true, '部') => '局',
                    (true, '省') => '县',
                    _ => c,
                });
            }
            out + "\n"
        })
        .collect()
}

#[test]
fn a_county_rewrite_of_each_document_carries_out_every_task() {
    for (name, text) in documents()
        .into_iter()
        .filter(|(n, _)| n.starts_with("corpus"))
    {
        let directive = parse(&name, &text);
        let plan = parse("rewrite.txt", &county_rewrite(&text));
        let (covered, partly, missing) = verdicts(&plan, &directive);
        assert_eq!(missing, 0, "{name}: {covered} covered, {partly} partly");
        assert_eq!(covered + partly, directive.1.tasks.len(), "{name}");
    }
}

/// Every plan sentence is evidence, numbered or not: 湛江's plan carries the province's
/// 全面赋能“百千万工程” task in its “低空+”应用场景专栏 (a box of numbered details under its
/// item （四）, not tasks of their own), nearly word for word; read against the plan's tasks
/// alone the task was missing (a best share of 0.11, pointing at 强化统计督导).
#[test]
fn a_directive_task_carried_in_a_box_under_a_plan_item_is_found_there() {
    let read = |name: &str| {
        let path = format!("pairs/guangdong-zhanjiang-low-altitude-{name}.txt");
        parse(&path, &std::fs::read_to_string(&path).unwrap())
    };
    let (plan, directive) = (read("plan"), read("directive"));
    let a = aligned(&plan, &directive);
    let line_of = |src: &SourceFile, at: usize| src.text[..at].matches('\n').count() + 1;
    let task = directive
        .1
        .tasks
        .iter()
        .position(|t| line_of(&directive.0, t.text.start) == 29)
        .unwrap();
    let v = &a.verdicts[task];
    assert!(directive
        .0
        .slice(directive.1.tasks[task].text)
        .starts_with("全面赋能“百千万工程”"));
    assert_eq!(v.coverage, Coverage::Covered);
    // Credited to the item the box details: （四）拓展特色低空应用场景 on line 20.
    let best = v.best.unwrap();
    assert_eq!(line_of(&plan.0, plan.1.tasks[best].text.start), 20);
    assert_eq!(plan.1.tasks[best].number, "三、（四）");
}

/// A penalty provision is carried only by a penalty (浙江's 献血法 实施办法 against the law):
/// the 办法 sets no penalty of its own for what the law's 第十八条–第二十二条 punish (its
/// 第二十六条 only says the law applies), so they are missing, though its duty articles share
/// their words (血站, 采集血液, 卫生行政部门) and every penalty shares 直接负责的主管人员…依法给予
/// 处分; 第二十三条 (officials' neglect) has its counterpart in the 办法's 第二十八条, in part. The
/// same 办法 with a penalty of its own for 第十九条's conduct carries it.
#[test]
fn a_penalty_article_is_carried_only_by_a_penalty() {
    let read = |name: &str| {
        let path = format!("pairs/s10-national-zhejiang-blood-donation-law-{name}.txt");
        std::fs::read_to_string(&path).unwrap()
    };
    let directive = parse("law.txt", &read("directive"));
    let verdict_of = |plan: &(SourceFile, Document), number: &str| {
        let a = aligned(plan, &directive);
        let k = directive
            .1
            .tasks
            .iter()
            .position(|t| t.number == number)
            .unwrap();
        a.verdicts[k].coverage
    };
    let plan = parse("plan.txt", &read("plan"));
    for number in [
        "第十八条",
        "第十九条",
        "第二十条",
        "第二十一条",
        "第二十二条",
    ] {
        assert_eq!(verdict_of(&plan, number), Coverage::Missing, "{number}");
    }
    assert_eq!(verdict_of(&plan, "第二十三条"), Coverage::Partly);
    // Duties are still read against every sentence: 第十七条 (rewards) is carried.
    assert_eq!(verdict_of(&plan, "第十七条"), Coverage::Covered);
    let own = read("plan").replace(
        "第二十六条 违反本办法规定的行为，法律、行政法规已有法律责任规定的，从其规定。",
        "第二十六条 血站违反有关操作规程和制度采集血液的，由卫生健康主管部门责令改正，处一万元以上三万元以下罚款；给献血者健康造成损害的，依法承担赔偿责任。",
    );
    let plan = parse("plan.txt", &own);
    assert_eq!(verdict_of(&plan, "第十九条"), Coverage::Covered);
    assert_eq!(verdict_of(&plan, "第二十条"), Coverage::Missing);
}

/// A plan's penalty may refer a conduct to the law's and add its own fine, in two sentences of
/// one paragraph (北京's 矿山安全法 实施办法: 未对矿山职工进行安全教育、培训…的，按照《矿山安全法》
/// 第四十条的规定处理。处以罚款的，罚款数额为…): the law's 第四十条 is carried there. The law's
/// 第四十六条 (criminal liability of managers who order work at risk) has no counterpart.
#[test]
fn a_penalty_referred_to_the_law_with_its_own_fine_is_a_penalty() {
    let read = |name: &str| {
        let path = format!("pairs/s10b-national-beijing-mine-safety-law-{name}.txt");
        parse(&path, &std::fs::read_to_string(&path).unwrap())
    };
    let (plan, directive) = (read("plan"), read("directive"));
    let a = aligned(&plan, &directive);
    let verdict_of = |number: &str| {
        let k = directive
            .1
            .tasks
            .iter()
            .position(|t| t.number.ends_with(number))
            .unwrap();
        a.verdicts[k].coverage
    };
    assert_eq!(verdict_of("第四十条"), Coverage::Covered);
    assert_eq!(verdict_of("第四十六条"), Coverage::Missing);
}
