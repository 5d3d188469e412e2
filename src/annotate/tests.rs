//! The annotator on hand-made documents with what python-docx's fixture lacks: formatted runs,
//! a finding across three runs, an escaped character, a tab, table cells (one merged), XML
//! whitespace between elements, and a document that already has comments.

use super::*;
use crate::data::{RuleData, Severity};
use crate::source::Span;

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

fn docx(body: &str, comments: Option<&str>) -> Vec<u8> {
    let part = comments.map(|c| format!("<w:comments {W}>{c}</w:comments>"));
    docx_part(body, part.as_deref())
}

/// A document whose comments part, if any, is `part` as written.
fn docx_part(body: &str, comments: Option<&str>) -> Vec<u8> {
    let mut parts: Vec<(&str, String)> = Vec::new();
    let mut put = |name: &'static str, text: &str| parts.push((name, text.to_string()));
    put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
    let rel = if comments.is_some() {
        "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>"
    } else {
        ""
    };
    put(
        "word/_rels/document.xml.rels",
        &format!("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rel}</Relationships>"),
    );
    put(
        "word/document.xml",
        &format!("<?xml version=\"1.0\"?><w:document {W}><w:body>{body}</w:body></w:document>"),
    );
    if let Some(c) = comments {
        put("word/comments.xml", c);
    }
    let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    crate::testing_support::zip_of(&parts)
}

fn finding(rule: &str, span: Span) -> Finding {
    let data = RuleData::builtin();
    let entry = data.catalogue.rule.iter().find(|r| r.name == rule).unwrap();
    let mut f = Finding::new(
        entry,
        Severity::Warning,
        span,
        format!("about <{rule}> & more"),
    );
    f.help("help text");
    f
}

/// Appends text to every open comment range.
fn add(open: &[String], out: &mut std::collections::BTreeMap<String, String>, s: &str) {
    for k in open {
        if let Some(t) = out.get_mut(k) {
            t.push_str(s);
        }
    }
}

/// Comment id → the text its range covers (paragraphs joined with a line break).
fn covered(xml: &str) -> std::collections::BTreeMap<String, String> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    let (mut open, mut out) = (Vec::<String>::new(), std::collections::BTreeMap::new());
    let mut in_t = false;
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            Event::Empty(e) | Event::Start(e)
                if e.name().as_ref().starts_with("w:commentRange") =>
            {
                let id = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "w:id")
                    .unwrap()
                    .value
                    .into_owned();
                if e.name().as_ref() == "w:commentRangeStart" {
                    out.insert(id.clone(), String::new());
                    open.push(id);
                } else {
                    open.retain(|x| *x != id);
                }
            }
            Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            Event::End(e) if e.name().as_ref() == "w:p" => add(&open, &mut out, "\n"),
            Event::Empty(e) if e.name().as_ref() == "w:tab" => add(&open, &mut out, " "),
            Event::Text(t) if in_t => add(&open, &mut out, &t.xml10_content()),
            Event::GeneralRef(g) if in_t => {
                let c = quick_xml::escape::resolve_predefined_entity(&g.clone().into_inner());
                add(&open, &mut out, c.unwrap());
            }
            _ => {}
        }
    }
    out
}

/// Annotates `bytes` with findings on the given texts (found in the document text), and
/// returns the text each comment covers, by finding.
fn annotate_texts(bytes: &[u8], texts: &[&str]) -> (Vec<String>, Vec<u8>) {
    let src = crate::input::docx::read("t.docx", bytes, crate::input::DEFAULT_MAX_SIZE).unwrap();
    let doc = crate::reading::parse_document(&src, &RuleData::builtin());
    let findings: Vec<Finding> = texts
        .iter()
        .map(|t| {
            let at = src
                .text
                .find(t)
                .unwrap_or_else(|| panic!("{t} in {:?}", src.text));
            finding("vague-lead", Span::new(at, at + t.len()))
        })
        .collect();
    let a = annotate(bytes, &src, &doc, &findings).unwrap();
    let xml = package::read(&a.bytes).unwrap().document;
    let ranges = covered(&xml);
    let mut ids: Vec<&String> = ranges.keys().collect();
    ids.sort_by_key(|k| k.parse::<u32>().unwrap());
    (ids.iter().map(|k| ranges[*k].clone()).collect(), a.bytes)
}

#[test]
fn ranges_cross_runs_escapes_and_tabs_exactly() {
    let body = "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>\
        <w:r><w:rPr><w:b/></w:rPr><w:t>一、总体要求</w:t></w:r></w:p>\
        <w:p><w:r w:rsidR=\"00AB\"><w:rPr><w:b/><w:color w:val=\"FF0000\"/></w:rPr><w:t>（一）加强食品</w:t></w:r>\
        <w:r><w:t xml:space=\"preserve\">安全 &amp; 监管</w:t></w:r>\
        <w:r><w:tab/><w:t>工作。（责任单位：各有关部门）</w:t></w:r></w:p>";
    let bytes = docx(body, None);
    let (got, _) = annotate_texts(
        &bytes,
        &[
            "食品安全 & 监",
            "&",
            "工作",
            "各有关部门",
            "一、总体要求",
            "（一）",
        ],
    );
    assert_eq!(
        got,
        [
            "食品安全 & 监",
            "&",
            "工作",
            "各有关部门",
            "一、总体要求",
            "（一）"
        ]
    );
}

#[test]
fn cells_merged_cells_and_xml_white_space() {
    let cell = |t: &str, merge: &str| {
        format!("<w:tc><w:tcPr>{merge}</w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>")
    };
    let body = format!(
        "<w:p>\n  <w:r>\n    <w:t>一、主要任务</w:t>\n  </w:r>\n</w:p>\
         <w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell("1.加强监管", "<w:vMerge w:val=\"restart\"/>"),
        cell("县市场监管局", ""),
        cell("1.加强监管", "<w:vMerge/>"),
        cell("有关部门", ""),
    );
    let bytes = docx(&body, None);
    let (got, _) = annotate_texts(&bytes, &["主要任务", "市场监管", "有关部门"]);
    assert_eq!(got, ["主要任务", "市场监管", "有关部门"]);
}

#[test]
fn a_plan_in_a_one_cell_frame_takes_comments_as_the_reader_reads_it() {
    // The frame's paragraphs are paragraphs and the table nested in it a table, as read.
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let body = format!(
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>一、主要任务</w:t></w:r></w:p>\
         <w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl></w:tc></w:tr></w:tbl>",
        cell("序号"),
        cell("牵头单位"),
        cell("1.加强监管"),
        cell("县市场监管局"),
    );
    let (got, _) = annotate_texts(&docx(&body, None), &["主要任务", "市场监管", "加强监管"]);
    assert_eq!(got, ["主要任务", "市场监管", "加强监管"]);
}

#[test]
fn lines_of_a_paragraph_broken_by_hand_take_comments_on_their_own_text() {
    // Items typed with Shift+Enter: one Word paragraph, read line by line (w:br, w:cr).
    let body = "<w:p><w:r><w:t>一、主要任务</w:t><w:br/><w:t>（一）加强路网建设。（县交通运输局负责）</w:t></w:r>\
        <w:r><w:cr/></w:r><w:r><w:t xml:space=\"preserve\">  （二）强化养护管理。  </w:t><w:br/></w:r></w:p>";
    let (got, _) = annotate_texts(&docx(body, None), &["强化养护管理", "县交通运输局"]);
    assert_eq!(got, ["强化养护管理", "县交通运输局"]);
}

#[test]
fn white_space_between_elements_is_no_text() {
    // A pretty-printed part: the runs of one paragraph on lines of their own stay one line of
    // text (a line break between them is the XML's layout, not a Word line break).
    let body = "<w:p>\n  <w:r>\n    <w:t>（一）加强路网</w:t>\n  </w:r>\n  <w:r>\n    <w:t xml:space=\"preserve\">建设 。</w:t>\n  </w:r>\n</w:p>";
    let bytes = docx(body, None);
    let src = crate::input::docx::read("t.docx", &bytes, crate::input::DEFAULT_MAX_SIZE).unwrap();
    assert_eq!(src.text, "（一）加强路网建设 。\n");
    let (got, _) = annotate_texts(&bytes, &["路网建设"]);
    assert_eq!(got, ["路网建设"]);
}

#[test]
fn existing_comments_are_kept_and_ids_not_reused() {
    let body = "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>一、加强监管工作</w:t></w:r>\
        <w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>";
    let theirs = "<w:comment w:id=\"0\" w:author=\"审核人\"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment>";
    let bytes = docx(body, Some(theirs));
    let (got, out) = annotate_texts(&bytes, &["监管"]);
    assert_eq!(got, ["一、加强监管工作", "监管"]);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap();
    let mut c = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/comments.xml").unwrap(), &mut c).unwrap();
    assert!(c.contains(theirs));
    assert!(c.contains("<w:comment w:id=\"1\" w:author=\"planlint\""));
    // The message is escaped, not markup.
    assert!(c.contains("about &lt;vague-lead&gt; &amp; more"));
    let mut rels = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/_rels/document.xml.rels").unwrap(),
        &mut rels,
    )
    .unwrap();
    assert_eq!(rels.matches("relationships/comments").count(), 1);
}

#[test]
fn a_text_the_map_cannot_follow_is_refused() {
    let bytes = docx("<w:p><w:r><w:t>一、加强监管工作</w:t></w:r></w:p>", None);
    let mut src =
        crate::input::docx::read("t.docx", &bytes, crate::input::DEFAULT_MAX_SIZE).unwrap();
    src.text.push('x');
    let doc = crate::reading::parse_document(&src, &RuleData::builtin());
    let e = annotate(&bytes, &src, &doc, &[]).err().unwrap();
    assert!(e.contains("could not be traced back"), "{e}");
}

/// The comments part of an annotated copy.
fn comments_of(out: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap();
    let mut c = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/comments.xml").unwrap(), &mut c).unwrap();
    c
}

/// (id, author) of every comment in a comments part, read namespace-aware.
fn authors(xml: &str) -> Vec<(String, String)> {
    let mut r = quick_xml::NsReader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match r.read_resolved_event().unwrap() {
            (ns, quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e))
                if e.local_name().as_ref() == "comment" =>
            {
                assert!(
                    matches!(ns, quick_xml::name::ResolveResult::Bound(quick_xml::name::Namespace(n)) if n == comments::W_NS)
                );
                let get = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| {
                            let (ns, local) = r.resolver().resolve_attribute(a.key);
                            local.as_ref() == k
                                && matches!(ns, quick_xml::name::ResolveResult::Bound(quick_xml::name::Namespace(n)) if n == comments::W_NS)
                        })
                        .unwrap()
                        .value
                        .into_owned()
                };
                out.push((get("id"), get("author")));
            }
            (_, quick_xml::events::Event::Eof) => break,
            _ => {}
        }
    }
    out
}

// Issue #21: the comments part is edited with an XML parser. Another prefix for the w
// namespace, an XML comment holding the end tag, and an id at the top of u32 all keep the
// reviewer's comments and give the new ones ids of their own.
#[test]
fn a_comments_part_with_another_prefix_keeps_its_comments() {
    let body = "<w:p><w:commentRangeStart w:id=\"4294967295\"/><w:r><w:t>一、加强监管工作</w:t></w:r>\
        <w:commentRangeEnd w:id=\"4294967295\"/><w:r><w:commentReference w:id=\"4294967295\"/></w:r></w:p>";
    let part = format!(
        "<?xml version=\"1.0\"?><ns0:comments xmlns:ns0=\"{}\"><!-- old </w:comments> -->\
         <ns0:comment ns0:id=\"4294967295\" ns0:author=\"审核人\"><ns0:p><ns0:r><ns0:t>请核实</ns0:t></ns0:r></ns0:p></ns0:comment>\
         <ns0:comment ns0:id=\"0\" ns0:author=\"校对\"/></ns0:comments>",
        comments::W_NS
    );
    let bytes = docx_part(body, Some(&part));
    let (got, out) = annotate_texts(&bytes, &["监管", "工作"]);
    assert_eq!(got, ["监管", "工作", "一、加强监管工作"]);
    let c = comments_of(&out);
    assert_eq!(
        authors(&c),
        [
            ("4294967295".into(), "审核人".into()),
            ("0".into(), "校对".into()),
            ("1".into(), "planlint".into()),
            ("2".into(), "planlint".into()),
        ]
    );
    // The new comments come after the reviewer's, not inside the XML comment.
    assert!(c.contains("<!-- old </w:comments> -->"));
    assert!(c.ends_with("</w:comment></ns0:comments>"), "{c}");
}

/// Numbers drawn by Word's automatic numbering are read as text but have no XML of their own: a
/// finding that starts on one is anchored from the paragraph's first run (one on the number
/// alone is a comment at the start of its text), and the copy still reads back to the same text,
/// numbers included.
#[test]
fn a_finding_on_an_automatic_number_starts_at_the_paragraph_text() {
    let numbered = |level: u32, t: &str| {
        format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>")
    };
    let body = [
        numbered(0, "主要任务"),
        numbered(1, "加强监管。（县市场监管局负责）"),
    ]
    .concat();
    let plain = docx(&body, None);
    let mut parts = package::read(&plain).unwrap();
    let numbering = format!("<?xml version=\"1.0\"?><w:numbering {W}><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>");
    let zip = crate::testing_support::zip_of(&[
        ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".as_slice()),
        ("word/_rels/document.xml.rels", b"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".as_slice()),
        ("word/document.xml", std::mem::take(&mut parts.document).as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    let (got, copy) = annotate_texts(&zip, &["（一）加强监管", "一、", "县市场监管局"]);
    assert_eq!(got, ["加强监管", "", "县市场监管局"]);
    let again = crate::input::docx::read("t.docx", &copy, crate::input::DEFAULT_MAX_SIZE).unwrap();
    assert_eq!(
        again.text,
        "一、主要任务\n（一）加强监管。（县市场监管局负责）\n"
    );
}
