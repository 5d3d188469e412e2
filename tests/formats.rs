//! Issue 19: plans in the formats they are published in (Excel task tables, saved web pages)
//! read as their text does; old binary formats refused with the conversion to make; the format
//! chosen by content where the name lies.

use crate::shapes::{parse, seed_003_as_tab_rows, seen, Seen};
use crate::support::{docx, run_in, seed, seed_text};
use planlint::data::RuleData;
use planlint::model::{Document, Origin};
use planlint::reading::parse_document;
use planlint::source::{Encoding, SourceFile};
use planlint::testing_support::zip_of;
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

fn read(path: &Path) -> (SourceFile, Document) {
    let src = planlint::input::read(path, None, 1 << 30).unwrap();
    let doc = parse_document(&src, &RuleData::builtin());
    (src, doc)
}

/// Seed 003's task table as a workbook: sheet 附件1, the title 任务清单 in A1, the header in
/// row 2, a row per task; the 项目 and 内容 cells merged down over the rows of their group (the
/// text leaves them out of later rows), a 完成时限 merged down over the empty ones below it
/// in its group, and `lead_merge` (a row index) has its 牵头单位 merged
/// with the next row's.
fn seed_003_workbook(lead_merge: usize) -> Vec<u8> {
    let text = seed_003_as_tab_rows();
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .skip(3)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    // Continuation rows hold the rightmost four cells: put them under their columns.
    for r in &mut rows {
        while r.len() < 6 {
            r.insert(0, String::new());
        }
    }
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("附件1").unwrap();
    let plain = Format::new();
    sheet.write_string(0, 0, "任务清单").unwrap();
    let mut r = 0;
    while r < rows.len() {
        let row = &rows[r];
        let at = (r + 1) as u32;
        // The group: this row and the continuation rows after it.
        let group = rows[r + 1..]
            .iter()
            .take_while(|n| n[0].is_empty() && n[1].is_empty())
            .count();
        for (c, v) in row.iter().enumerate().take(2) {
            let c = c as u16;
            if group > 0 && !v.is_empty() {
                sheet
                    .merge_range(at, c, at + group as u32, c, v, &plain)
                    .unwrap();
            } else if !v.is_empty() {
                sheet.write_string(at, c, v).unwrap();
            }
        }
        r += 1;
    }
    for (r, row) in rows.iter().enumerate() {
        let at = (r + 1) as u32;
        // A 完成时限 left empty below one in its group is that cell merged down (as in Word).
        let deadline_rows = rows[r + 1..]
            .iter()
            .take_while(|n| n[0].is_empty() && n[1].is_empty() && n[5].is_empty())
            .count() as u32;
        for (c, v) in row.iter().enumerate().skip(2) {
            if v.is_empty() || (c == 3 && r == lead_merge + 1) {
                continue;
            }
            if c == 5 && r > 0 && deadline_rows > 0 {
                sheet
                    .merge_range(at, 5, at + deadline_rows, 5, v, &plain)
                    .unwrap();
            } else if c == 3 && r == lead_merge {
                sheet.merge_range(at, 3, at + 1, 3, v, &plain).unwrap();
            } else {
                sheet.write_string(at, c as u16, v).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn an_excel_task_table_reads_as_its_text() {
    let text = seed_003_as_tab_rows();
    let (tsrc, tdoc) = parse("003-tab-rows.txt", &text);
    let expected = seen(&tsrc, &tdoc, Origin::Table);
    assert_eq!(expected.len(), 118);
    // The first two rows of one group with one lead (附件1 15. and 16., 农业农村局): row k of
    // the table (after the header) is task k - 1.
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(4)
        .map(|l| l.split('\t').collect())
        .collect();
    let lead = |r: &[&str]| r[r.len() - 3].to_string();
    let lead_merge = rows
        .windows(2)
        .position(|w| w[1].len() == 4 && lead(&w[0]) == lead(&w[1]) && !lead(&w[0]).contains('、'))
        .unwrap();
    assert_eq!(expected[lead_merge].0, "附件1 15.");
    assert_eq!(expected[lead_merge + 1].2, ["农业农村局"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("任务清单.xlsx");
    std::fs::write(&path, seed_003_workbook(lead_merge + 1)).unwrap();
    let (xsrc, xdoc) = read(&path);
    let got = seen(&xsrc, &xdoc, Origin::Table);
    assert_eq!(got.len(), 118);
    // The text's 附件1 follows the plan's title and labels its tasks; the workbook's sheet 附件1
    // opens the document, and a part marker opening a document labels nothing (the parser calls
    // that part 正文). Everything else is the same.
    for (a, b) in expected.iter().zip(&got) {
        assert_eq!(a.0.strip_prefix("附件1 "), b.0.strip_prefix("正文 "));
        assert_eq!((&a.1, &a.2, &a.3, &a.4), (&b.1, &b.2, &b.3, &b.4));
    }
    let merged = &got[lead_merge + 1];
    assert_eq!(
        (merged.2.clone(), merged.3.clone()),
        (
            expected[lead_merge + 1].2.clone(),
            expected[lead_merge + 1].3.clone()
        )
    );
    // A part marker opening the document does not label it (the parser calls that part 正文).
    assert_eq!(got[0].0, "正文 1.");
    assert_eq!(got[0].2, ["卫生健康局"]);
    assert_eq!(got[0].4.as_deref(), Some("2020年10月底完成并长期坚持"));
    // The task's cell is C3 of the first sheet: the title is row 1, the header row 2.
    let task = &xdoc.tasks.iter().find(|t| t.number == "正文 1.").unwrap();
    let place = xsrc
        .places
        .iter()
        .rev()
        .find(|(at, _)| *at <= task.text.start)
        .unwrap()
        .1;
    assert_eq!(place.to_string(), "table 1, row 3, column 3");
    // The binary says the same, by content whatever the name.
    let copy = dir.path().join("plan.xlsx");
    std::fs::copy(&path, &copy).unwrap();
    let r = run_in(dir.path(), &["parse", "--format", "json", "plan.xlsx"], b"");
    assert_eq!(r.status, 0, "{}", r.stderr);
}

#[test]
fn a_broken_or_bombed_workbook_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A zip claiming to be a workbook, whose parts are not.
    let broken = zip_of(&[("xl/workbook.xml", b"<workbook><sheets><sheet")]);
    std::fs::write(d.join("broken.xlsx"), broken).unwrap();
    let r = run_in(d, &["check", "--no-config", "broken.xlsx"], b"");
    assert_eq!(r.status, 2);
    let first = r.stdout.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("error: broken.xlsx: the Excel workbook is broken: "),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stdout.lines().nth(1),
        Some("planlint: 0 findings in 0 files checked; 1 file could not be read")
    );
    // 64 MiB of zeros in a part: past 8 times a 1 MiB limit, refused before it is parsed.
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("xl/workbook.xml", opts).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..64 {
        std::io::Write::write_all(&mut z, &zeros).unwrap();
    }
    let bomb = z.finish().unwrap().into_inner();
    assert!(bomb.len() < 1 << 20);
    std::fs::write(d.join("bomb.xlsx"), bomb).unwrap();
    let r = run_in(
        d,
        &["check", "--no-config", "--max-size", "1M", "bomb.xlsx"],
        b"",
    );
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stdout.lines().next().unwrap_or_default(),
        "error: bomb.xlsx: the Excel workbook unpacks to more than 8 MiB (8 times the size limit; raise it with --max-size or max-size in planlint.toml)"
    );
}

/// Seed 001 as a government site saves it: navigation, a search box, a metadata table, the plan
/// in `<p>`s, a footer.
fn seed_001_page(charset: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let body: String = seed_text("001")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p style=\"text-indent:2em\">{}</p>\n", escape(l.trim())))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"{charset}\">\n<title>鄂尔多斯市人民政府</title>\n\
         <script>var nav = document.getElementById('nav'); if (a < b) {{}}</script>\n\
         <style>p {{ line-height: 2; }}</style>\n</head>\n<body>\n\
         <div class=\"top\"><ul class=\"menu\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk\">政务公开</a></li>\
         <li><a href=\"/zcwj\">政策文件</a></li><li><a href=\"/hdjl\">互动交流</a></li></ul></div>\n\
         <form action=\"/search\"><input type=\"text\" name=\"q\" value=\"请输入关键字\"><button>搜索</button></form>\n\
         <div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a></div>\n\
         <table class=\"meta\"><tr><td>索引号：</td><td>11150600MB1234567/2022-00123</td></tr>\
         <tr><td>发布机构：</td><td>市人民政府办公室</td></tr></table>\n\
         <div class=\"article\">\n{body}</div>\n\
         <div class=\"footer\"><p>主办单位：鄂尔多斯市人民政府办公室</p><p>蒙ICP备05000000号</p></div>\n\
         </body>\n</html>\n"
    )
}

fn all_tasks(src: &SourceFile, doc: &Document) -> Vec<Seen> {
    let mut v = seen(src, doc, Origin::Body);
    v.extend(seen(src, doc, Origin::Table));
    v
}

#[test]
fn a_saved_web_page_reads_as_its_text_in_utf8_and_gbk() {
    let (tsrc, tdoc) = parse("001.txt", &seed_text("001"));
    let expected = all_tasks(&tsrc, &tdoc);
    assert_eq!(expected.len(), 64);
    let dir = tempfile::tempdir().unwrap();
    let utf8 = dir.path().join("t20220219_1.html");
    std::fs::write(&utf8, seed_001_page("utf-8")).unwrap();
    let gbk = dir.path().join("t20220219_2.shtml");
    let page = seed_001_page("gbk");
    let (bytes, _, bad) = encoding_rs::GBK.encode(&page);
    assert!(!bad);
    std::fs::write(&gbk, &bytes).unwrap();
    for (path, encoding) in [(&utf8, Encoding::Utf8), (&gbk, Encoding::Gb18030)] {
        let (src, doc) = read(path);
        assert_eq!(src.encoding, encoding);
        // Nothing of the site: the plan's first paragraph is the first line.
        assert!(
            src.text.starts_with("鄂尔多斯市人民政府关于印发\n"),
            "{}",
            &src.text[..200]
        );
        for chrome in [
            "首页",
            "搜索",
            "索引号",
            "主办单位",
            "document.getElementById",
        ] {
            assert!(!src.text.contains(chrome), "{chrome}");
        }
        let got = all_tasks(&src, &doc);
        assert_eq!(got.len(), expected.len());
        for (a, b) in expected.iter().zip(&got) {
            assert_eq!(a, b);
        }
    }
    let (_, doc) = read(&utf8);
    let first = &doc.tasks[0];
    assert_eq!(
        first
            .leads
            .iter()
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>(),
        ["市卫生健康委员会", "各旗区人民政府"]
    );
}

#[test]
fn a_plan_kept_in_a_pre_block_reads_line_by_line() {
    // A page that keeps the plan's text in <pre> shows each line of the file as a line: the
    // 64 tasks of seed 001 (before, one paragraph and one task).
    let (tsrc, tdoc) = parse("001.txt", &seed_text("001"));
    let expected = all_tasks(&tsrc, &tdoc);
    let text = seed_text("001")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let page = format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><div class=\"article\"><pre>{text}</pre></div></body></html>");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pre.html");
    std::fs::write(&path, page).unwrap();
    let (src, doc) = read(&path);
    let got = all_tasks(&src, &doc);
    assert_eq!(got.len(), 64);
    for (a, b) in expected.iter().zip(&got) {
        assert_eq!(a, b);
    }
}

#[test]
fn old_binary_formats_are_refused_and_disguised_files_read_as_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ole = |stream: &str| {
        let mut b = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        b.resize(512, 0);
        b.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        b.resize(1024, 0);
        b
    };
    std::fs::write(d.join("old.doc"), ole("WordDocument")).unwrap();
    std::fs::write(d.join("old.wps"), ole("WordDocument")).unwrap();
    std::fs::write(d.join("old.xls"), ole("Workbook")).unwrap();
    for (file, line) in [
        ("old.doc", "the file is an old binary Office document (Word 97-2003 .doc or the like), not a .docx: save it as .docx"),
        ("old.wps", "the file is an old binary WPS 文字 document (.wps), not a .docx: save it as .docx"),
        ("old.xls", "the file is an old binary Excel workbook (Excel 97-2003 .xls), not an .xlsx: save it as .xlsx"),
    ] {
        let r = run_in(d, &["check", "--no-config", file], b"");
        assert_eq!(r.status, 2, "{file}");
        assert_eq!(
            r.stdout,
            format!("error: {file}: {line}\nplanlint: 0 findings in 0 files checked; 1 file could not be read\n")
        );
    }
    // A .doc that is a web page (as government sites serve them), and one that is a .docx.
    std::fs::write(d.join("page.doc"), seed_001_page("utf-8")).unwrap();
    let (src, doc) = read(&d.join("page.doc"));
    assert!(src.text.starts_with("鄂尔多斯市人民政府关于印发\n"));
    assert_eq!(doc.tasks.len(), 64);
    let workflow_docx = d.join("plan.doc");
    let body: String = seed_text("001")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            format!(
                "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
                l.trim().replace('&', "&amp;").replace('<', "&lt;")
            )
        })
        .collect();
    let xml = format!("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>");
    std::fs::write(
        &workflow_docx,
        zip_of(&[("word/document.xml", xml.as_bytes())]),
    )
    .unwrap();
    let (wsrc, wdoc) = read(&workflow_docx);
    let (tsrc, tdoc) = parse("001.txt", &seed_text("001"));
    assert_eq!(all_tasks(&wsrc, &wdoc), all_tasks(&tsrc, &tdoc));
    // The plain-text seed under a web page's name is still text.
    let named = d.join("seed.html");
    std::fs::copy(seed("001"), &named).unwrap();
    let r = run_in(d, &["parse", "--format", "json", "seed.html"], b"");
    assert_eq!(r.status, 0, "{}", r.stderr);
}

#[test]
fn a_word_document_with_tracked_changes_reads_as_accepted() {
    let r = |t: &str| format!("<w:r><w:t>{t}</w:t></w:r>");
    let by = "w:author=\"县政府办\" w:date=\"2024-03-01T10:00:00Z\"";
    let body = [
        format!("<w:p>{}</w:p>", r("一、重点任务")),
        // The reviewer struck the lead 县公安局 out of task (一); a move took 县农业农村局 from
        // here to task (三).
        format!(
            "<w:p>{}<w:del w:id=\"1\" {by}><w:r><w:delText>县公安局、</w:delText></w:r></w:del>{}<w:moveFrom w:id=\"2\" {by}><w:r><w:t>县农业农村局、</w:t></w:r></w:moveFrom>{}</w:p>",
            r("（一）开展食品安全抽检。（"),
            r("县市场监管局牵头，"),
            r("县卫健局配合）"),
        ),
        // A whole task struck out, its paragraph mark too.
        format!(
            "<w:p><w:pPr><w:rPr><w:del w:id=\"3\" {by}/></w:rPr></w:pPr><w:del w:id=\"4\" {by}><w:r><w:delText>（二）加强校园食品安全。（县教体局负责）</w:delText></w:r></w:del></w:p>"
        ),
        // An inserted task.
        format!(
            "<w:p><w:pPr><w:rPr><w:ins w:id=\"5\" {by}/></w:rPr></w:pPr><w:ins w:id=\"6\" {by}>{}</w:ins></w:p>",
            r("（二）强化风险监测。（县疾控中心负责）")
        ),
        format!(
            "<w:p>{}<w:moveTo w:id=\"7\" {by}>{}</w:moveTo>{}</w:p>",
            r("（三）推进追溯体系建设。（"),
            r("县农业农村局"),
            r("负责，2025年底前完成）")
        ),
    ]
    .concat();
    let accepted = "一、重点任务\n（一）开展食品安全抽检。（县市场监管局牵头，县卫健局配合）\n（二）强化风险监测。（县疾控中心负责）\n（三）推进追溯体系建设。（县农业农村局负责，2025年底前完成）\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("征求意见稿.docx");
    std::fs::write(&path, docx(&body)).unwrap();
    let (src, doc) = read(&path);
    assert_eq!(src.text, accepted);
    let (tsrc, tdoc) = parse("accepted.txt", accepted);
    assert_eq!(
        seen(&src, &doc, Origin::Body),
        seen(&tsrc, &tdoc, Origin::Body)
    );
    let got = seen(&src, &doc, Origin::Body);
    assert_eq!(
        got.iter()
            .map(|s| (s.0.as_str(), s.2.clone(), s.3.clone()))
            .collect::<Vec<_>>(),
        [
            (
                "一、（一）",
                vec!["县市场监管局".to_string()],
                vec!["县卫健局".to_string()]
            ),
            ("一、（二）", vec!["县疾控中心".to_string()], vec![]),
            ("一、（三）", vec!["县农业农村局".to_string()], vec![]),
        ]
    );
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "征求意见稿.docx",
        ],
        b"",
    );
    let findings = r.json()["files"][0]["findings"].clone();
    let revisions: Vec<&serde_json::Value> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "unaccepted-revisions")
        .collect();
    assert_eq!(revisions.len(), 1, "{findings}");
    assert_eq!(revisions[0]["code"], "PL120");
    assert_eq!(revisions[0]["severity"], "info");
    assert_eq!(
        revisions[0]["message"],
        "the Word document still holds 4 tracked changes (1 inserted, 2 deleted, 1 moved); it was read as if all were accepted"
    );
    assert_eq!(revisions[0]["line"], 2);
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--lang",
            "zh",
            "--format",
            "json",
            "征求意见稿.docx",
        ],
        b"",
    );
    let zh = r.json()["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "unaccepted-revisions")
        .unwrap()["message"]
        .clone();
    assert_eq!(
        zh,
        "该 Word 文档仍带有 4 处修订（插入 1 处，删除 2 处，移动 1 处），已按接受全部修订读取"
    );
}

/// Found by the read_xlsx fuzz target: a cell whose reference names a column billions to the
/// right (`UUUU…C2`) made the reader write every empty column between, one line each, and a
/// 10 KB workbook took more than 4 GB. Columns no row uses are not written: the row is read
/// within the tests' memory cap, its cell far to the right under no header (so no lead).
#[test]
fn a_cell_far_to_the_right_costs_nothing_for_the_columns_between() {
    let cell = |r: &str, v: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{v}</t></is></c>"#);
    let far = format!("{}C2", "U".repeat(31));
    let rows = format!(
        r#"<row r="1">{}{}{}{}</row><row r="2">{}{}{}{}</row>"#,
        cell("A1", "序号"),
        cell("B1", "重点任务"),
        cell("C1", "牵头单位"),
        cell("D1", "完成时限"),
        cell("A2", "1"),
        cell("B2", "加强食品安全监管"),
        cell(&far, "县市场监管局"),
        cell("D2", "2024年底前"),
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("far.xlsx"),
        planlint::testing_support::xlsx_of(rows.as_bytes()),
    )
    .unwrap();
    let r = run_in(dir.path(), &["parse", "--format", "json", "far.xlsx"], b"");
    assert_eq!(r.status, 0, "{}", r.stderr);
    let j = r.json();
    let tasks = j["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 1, "{j}");
    assert_eq!(tasks[0]["text"], "加强食品安全监管");
    assert_eq!(tasks[0]["leads"].as_array().map(Vec::len), Some(0));
    assert_eq!(tasks[0]["deadline"]["end_date"]["display"], "2024 (end)");
    assert_eq!(j["census"]["table_rows"], 2);
}

/// Issue 19: a finding in a workbook names its cell as Excel does (sheet 1, cell A3: where the
/// row without a lead starts), not a Word table; in both languages.
#[test]
fn a_workbook_finding_names_its_cell_as_excel_does() {
    let cell = |r: &str, v: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{v}</t></is></c>"#);
    let rows = format!(
        r#"<row r="1">{}{}{}</row><row r="2">{}{}{}</row><row r="3">{}{}</row>"#,
        cell("A1", "序号"),
        cell("B1", "重点任务"),
        cell("C1", "牵头单位"),
        cell("A2", "1"),
        cell("B2", "加强食品安全监管"),
        cell("C2", "县市场监管局"),
        cell("A3", "2"),
        cell("B3", "开展专项整治行动"),
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.xlsx"),
        planlint::testing_support::xlsx_of(rows.as_bytes()),
    )
    .unwrap();
    let line = |lang: &str| {
        let r = run_in(
            dir.path(),
            &[
                "check",
                "--no-config",
                "t.xlsx",
                "--format",
                "concise",
                "--lang",
                lang,
                "--select",
                "missing-lead",
            ],
            b"",
        );
        r.stdout.lines().next().unwrap_or("").to_string()
    };
    assert_eq!(
        line("en"),
        "t.xlsx:9:2: PL101 missing-lead task item 2 names no lead unit (in the workbook: sheet 1, cell A3)"
    );
    assert_eq!(
        line("zh"),
        "t.xlsx:9:2: PL101 missing-lead 任务第2项未明确牵头单位 (工作簿中位置：第1个工作表A3单元格)"
    );
}

/// `text` as a Word document whose outline numbers (一、 （一） 1.) are Word's automatic
/// numbering (w:numPr on the paragraph, formats in word/numbering.xml), not typed.
fn numbered_by_word(text: &str) -> Vec<u8> {
    const CHINESE: &str = "一二三四五六七八九十";
    let chinese_len = |s: &str| s.chars().take_while(|c| CHINESE.contains(*c)).count();
    let level_of = |line: &str| -> Option<(usize, usize)> {
        let n = chinese_len(line);
        if n > 0 && line.chars().nth(n) == Some('、') {
            return Some((0, line.char_indices().nth(n + 1)?.0));
        }
        if let Some(rest) = line.strip_prefix('（') {
            let n = chinese_len(rest);
            if n > 0 && rest.chars().nth(n) == Some('）') {
                return Some((1, '（'.len_utf8() + rest.char_indices().nth(n + 1)?.0));
            }
        }
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && line[digits..].starts_with('.')).then_some((2, digits + 1))
    };
    let mut body = String::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (ppr, rest) = match level_of(line) {
            Some((level, cut)) => (
                format!("<w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"),
                &line[cut..],
            ),
            None => (String::new(), line),
        };
        let rest = rest
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        body.push_str(&format!(
            "<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{rest}</w:t></w:r></w:p>"
        ));
    }
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let level = |i: usize, format: &str, text: &str| {
        format!("<w:lvl w:ilvl=\"{i}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/><w:suff w:val=\"nothing\"/></w:lvl>")
    };
    let numbering = format!(
        "<?xml version=\"1.0\"?><w:numbering {w}><w:abstractNum w:abstractNumId=\"0\">{}{}{}</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>",
        level(0, "chineseCounting", "%1、"),
        level(1, "chineseCounting", "（%2）"),
        level(2, "decimal", "%3.")
    );
    let document =
        format!("<?xml version=\"1.0\"?><w:document {w}><w:body>{body}</w:body></w:document>");
    zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ])
}

/// Issue 21: a plan drafted with Word's list buttons or heading styles has its outline in
/// Word's automatic numbering, not in its text. It was read without the numbers: seed 001's 64
/// tasks lost their numbers and outline, and a directive written this way with no
/// responsibility clauses (国办发〔2018〕123号) read as no task at all, so every plan checked
/// against it passed. Read as Word draws it, each reads as the same document typed.
#[test]
fn a_plan_numbered_by_word_reads_as_the_same_plan_typed() {
    let dir = tempfile::tempdir().unwrap();
    let directive =
        std::fs::read_to_string("corpus/12-national-digital-gov-new-media-guobanfa-2018-123.txt")
            .unwrap();
    for (name, text, tasks) in [
        ("seed_001.docx", seed_text("001"), 64),
        ("guobanfa_2018_123.docx", directive, 11),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, numbered_by_word(&text)).unwrap();
        let (src, doc) = read(&path);
        let typed: String = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("{}\n", l.trim_end()))
            .collect();
        assert_eq!(src.text, typed, "{name}");
        let (tsrc, tdoc) = parse("typed.txt", &typed);
        let got = seen(&src, &doc, Origin::Body);
        assert_eq!(got.len(), tasks, "{name}");
        assert_eq!(got, seen(&tsrc, &tdoc, Origin::Body), "{name}");
    }
}
