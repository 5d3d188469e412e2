//! Invariants every input must keep, shared by the fuzz targets (fuzz/), the property tests and
//! the regression tests: spans lie on char boundaries inside their text, line and column agree
//! with the byte offset, and checking and rendering never panic. Not part of the stable API.

use crate::data::RuleData;
use crate::finding::Finding;
use crate::model::Document;
use crate::reading::parse_document;
use crate::report::{self, Checked, FileReport};
use crate::rules::RuleSet;
use crate::source::{SourceFile, Span};

/// Line starts counted independently of SourceFile (a plain byte loop), to check it against.
fn naive_line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        if b == b'\n' || lone_cr {
            starts.push(i + 1);
        }
    }
    starts
}

/// The text as it was read, with its invisible characters back in place of their spaces.
fn as_read(src: &SourceFile) -> std::borrow::Cow<'_, str> {
    if src.invisible.is_empty() {
        return std::borrow::Cow::Borrowed(&src.text);
    }
    let mut out = String::with_capacity(src.text.len());
    let mut from = 0;
    for &(at, c) in &src.invisible {
        out.push_str(&src.text[from..at]);
        out.push(c);
        from = at + c.len_utf8();
    }
    out.push_str(&src.text[from..]);
    assert_eq!(
        out.len(),
        src.text.len(),
        "invisible characters keep their byte length"
    );
    std::borrow::Cow::Owned(out)
}

/// Panics unless `span` is a valid, char-aligned range of `src`'s text whose line and column
/// agree with an independent count.
pub fn assert_span(src: &SourceFile, span: Span, what: &str) {
    assert_span_with(src, &naive_line_starts(&src.text), span, what);
}

fn assert_span_with(src: &SourceFile, starts: &[usize], span: Span, what: &str) {
    let text = &src.text;
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} is not on char boundaries"
    );
    let original = as_read(src);
    for offset in [span.start, span.end] {
        let line = starts.partition_point(|&s| s <= offset);
        // Columns count the characters as read: an invisible character once, however many
        // spaces stand for it (an offset inside one counts as its start).
        let mut at = offset;
        while !original.is_char_boundary(at) {
            at -= 1;
        }
        let column = original[starts[line - 1]..at].chars().count() + 1;
        let lc = src.line_col(offset);
        assert_eq!(
            (lc.line, lc.column),
            (line, column),
            "{what}: line/column of byte {offset}"
        );
    }
}

/// Every span of the model is valid.
pub fn assert_model_spans(src: &SourceFile, doc: &Document) {
    let starts = naive_line_starts(&src.text);
    let assert_span =
        |src: &SourceFile, span: Span, what: &str| assert_span_with(src, &starts, span, what);
    for h in &doc.headings {
        assert_span(src, h.numbering.span, "heading number");
        assert_span(src, h.title, "heading title");
        assert_span(src, h.line, "heading line");
    }
    for p in &doc.parts {
        assert_span(src, p.span, "part");
    }
    for t in &doc.tasks {
        assert_span(src, t.span, "task");
        assert_span(src, t.text, "task text");
        for u in t.leads.iter().chain(&t.partners) {
            assert_span(src, u.span, "unit");
        }
        for s in [t.clause, t.empty_partner_list].into_iter().flatten() {
            assert_span(src, s, "clause");
        }
        if let Some(d) = &t.deadline {
            assert_span(src, d.span, "deadline");
            if let Some(l) = d.leftover {
                assert_span(src, l, "deadline leftover");
            }
        }
        if let Some(n) = &t.item_number {
            assert_span(src, n.span, "item number");
        }
    }
    for t in &doc.targets {
        assert_span(src, t.span, "target");
        assert_span(src, t.subject, "target subject");
    }
    for u in &doc.stray_units {
        assert_span(src, u.span, "stray unit");
    }
    for l in &doc.member_lists {
        assert_span(src, l.label, "member list label");
        for u in &l.units {
            assert_span(src, u.span, "member");
        }
    }
    for s in &doc.schedule {
        assert_span(src, s.span, "schedule date");
    }
}

fn assert_finding(
    (src, starts): (&SourceFile, &[usize]),
    directive: Option<(&SourceFile, &[usize])>,
    f: &Finding,
) {
    assert_span_with(src, starts, f.span, &f.rule);
    for (s, _) in &f.related {
        assert_span_with(src, starts, *s, &f.rule);
    }
    if let (Some(d), Some((dsrc, dstarts))) = (&f.directive, directive) {
        assert_span_with(dsrc, dstarts, d.span, &f.rule);
    }
    assert!(!f.message.is_empty() && !f.code.is_empty());
}

/// Parses, checks (against `directive` when given) and renders `plan` in every format,
/// asserting the span invariants on the model and every finding. Returns the findings.
pub fn check_and_render(plan: &str, directive: Option<&str>, data: &RuleData) -> Vec<Finding> {
    let set = RuleSet::new(&data.catalogue, &[], &[]).expect("all rules");
    let src = SourceFile::new("plan.txt", plan);
    assert_model_spans(&src, &parse_document(&src, data));
    let dir = directive.map(|d| {
        let dsrc = SourceFile::new("directive.txt", d);
        let ddoc = parse_document(&dsrc, data);
        assert_model_spans(&dsrc, &ddoc);
        (dsrc, ddoc)
    });
    let findings = crate::batch::check_source(&src, data, &set, dir.as_ref().map(|(s, d)| (s, d)));
    let starts = naive_line_starts(&src.text);
    let dir_starts = dir.as_ref().map(|(s, _)| naive_line_starts(&s.text));
    for f in &findings {
        let directive = dir
            .as_ref()
            .zip(dir_starts.as_deref())
            .map(|((s, _), st)| (s, st));
        assert_finding((&src, &starts), directive, f);
    }
    let reports = vec![FileReport {
        path: "plan.txt".into(),
        config: false,
        outcome: Ok(Checked {
            src,
            findings: findings.clone(),
            directive: dir.map(|(s, _)| ("directive.txt".to_string(), std::sync::Arc::new(s))),
            suppressed: 0,
            lang: data.lang,
        }),
    }];
    let style = report::human::Style {
        color: false,
        unicode: true,
        width: 100,
        around: report::human::AROUND,
    };
    let human = report::render(
        &reports,
        report::Format::Human {
            style,
            quiet: false,
            lang: crate::data::Lang::En,
        },
        true,
    );
    assert!(human.contains("planlint: "));
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&reports, report::Format::Json, true))
            .expect("JSON output parses");
    assert_eq!(
        json["files"][0]["findings"].as_array().map(Vec::len),
        Some(findings.len())
    );
    let sarif: serde_json::Value = serde_json::from_str(&report::render(
        &reports,
        report::Format::Sarif(&data.catalogue),
        true,
    ))
    .expect("SARIF output parses");
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(findings.len())
    );
    let github = report::render(&reports, report::Format::Github, false);
    assert_eq!(github.lines().count(), findings.len());
    findings
}

/// Planlint's own files from any text, as the config and rule-data fuzz target feeds them: a
/// first byte below the number of rule-data files picks that file (in [`crate::data::FILES`]
/// order), any other byte planlint.toml; the rest is its text. Loading must give data or an
/// error that renders (through the window, whatever its column); data that loads must check a
/// plan without panicking.
pub fn load_own_file(bytes: &[u8]) {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    static BUILTIN: std::sync::OnceLock<RuleData> = std::sync::OnceLock::new();
    let builtin = BUILTIN.get_or_init(RuleData::builtin);
    let files = crate::data::FILES;
    let render = |code: &str, message: String, name: &str, span: Option<Span>| {
        let out = report::human::render_error(
            code,
            &message,
            Some((name, &text, span)),
            crate::data::Lang::En,
        );
        assert!(out.starts_with(code), "{out}");
    };
    let Some(&(name, _)) = files.get(usize::from(pick)) else {
        match crate::config::parse(&text, "planlint.toml", ".".into(), &builtin.catalogue) {
            Ok(c) => {
                let _ = RuleSet::new(&builtin.catalogue, &c.select, &c.skip);
            }
            Err(e) => {
                let span = e.span.map(|s| Span::new(s.offset(), s.offset() + s.len()));
                render("planlint::config", e.message, "planlint.toml", span);
            }
        }
        return;
    };
    let loaded = RuleData::from_texts(|n| {
        let own = if n == name {
            text.to_string()
        } else {
            files.iter().find(|(f, _)| *f == n)?.1.to_string()
        };
        Some((own.into(), n.to_string()))
    });
    match loaded {
        Ok(data) => {
            if crate::rules::verify_catalogue(&data.catalogue).is_ok() {
                let plan = "白府发〔2023〕40号\n一、工作任务\n（一）加强区食品药品监督管理局建设，到2025年抽检合格率达到98%以上。（区市场监管局负责，长期坚持）\n";
                check_and_render(plan, Some(plan), &data);
            }
        }
        Err(crate::data::DataError::Toml { span, message, .. }) => {
            let span = span.map(|s| Span::new(s.offset(), s.offset() + s.len()));
            render("planlint::rule_data", message, name, span);
        }
        Err(crate::data::DataError::Io { .. }) => {}
    }
}

/// A zip package of `parts` (name, content), as the Word, Excel and OFD files that tests and
/// fuzz targets build are: one builder for all of them.
pub fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in parts {
        z.start_file(*name, options).expect("zip in memory");
        z.write_all(content).expect("zip in memory");
    }
    z.finish().expect("zip in memory").into_inner()
}

/// A Word document holding only word/document.xml with `body` (Word's namespace prefix `w:`).
pub fn docx_of(body: &str) -> Vec<u8> {
    let xml = format!("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>");
    zip_of(&[("word/document.xml", xml.as_bytes())])
}

/// An Excel workbook of one sheet whose `<sheetData>` holds `rows` (`<row>` elements).
pub fn xlsx_of(rows: &[u8]) -> Vec<u8> {
    let types = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let book = br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let book_rels = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let mut sheet = br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.to_vec();
    sheet.extend_from_slice(rows);
    sheet.extend_from_slice(b"</sheetData></worksheet>");
    zip_of(&[
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", book),
        ("xl/_rels/workbook.xml.rels", book_rels),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}
