//! Word comments (批注) for drafters: `check plan.docx --annotate reviewed.docx` writes a copy
//! of the document with one comment per finding (author planlint; rule code and name, message,
//! help), anchored on exactly the characters the finding points at. A finding about something
//! the plan lacks (missing-task) is a comment at the start of the section heading it would
//! belong under. The document's text is not touched: the copy is read back and must give the
//! same text, or nothing is written.

mod comments;
mod edit;
mod map;
mod package;
#[cfg(test)]
mod tests;

use crate::finding::Finding;
use crate::model::Document;
use crate::source::SourceFile;
use edit::{Insert, Point, Side};

/// The rules whose span marks where something absent would go, not text that is wrong.
const ABSENT: [&str; 1] = ["missing-task"];

/// The annotated copy and how many comments it holds.
pub struct Annotated {
    pub bytes: Vec<u8>,
    pub comments: usize,
}

/// Adds a comment per finding to the Word document `bytes`, which `src` and `doc` were read
/// from.
pub fn annotate(
    bytes: &[u8],
    src: &SourceFile,
    doc: &Document,
    findings: &[Finding],
) -> Result<Annotated, String> {
    let parts = package::read(bytes)?;
    let numbering = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map(|mut zip| crate::input::docx::numbering(&mut zip, crate::input::DEFAULT_MAX_SIZE))
        .unwrap_or_default();
    let m = map::build(&parts.document, &numbering)?;
    if m.text != src.text {
        return Err(
            "the document's text could not be traced back to its XML, so no comment can be placed safely"
                .into(),
        );
    }
    let existing = match &parts.comments {
        Some((_, xml)) => Some(comments::Part::read(xml)?),
        None => None,
    };
    // Bookmarks and other ranges share the attribute: new ids avoid all of them.
    let mut used = std::collections::BTreeSet::new();
    comments::used_ids(&parts.document, &mut used)?;
    if let Some((_, xml)) = &parts.comments {
        comments::used_ids(xml, &mut used)?;
    }
    let ids = comments::new_ids(&used, findings.len());
    if ids.len() < findings.len() {
        return Err("the document uses every comment id Word allows".into());
    }
    let declare_w = existing.as_ref().is_some_and(|p| !p.binds_w);
    let mut inserts = Vec::new();
    let mut bodies = String::new();
    for (&id, f) in ids.iter().zip(findings) {
        let (start, end) = anchor(&m, doc, f)?;
        let empty = start.pos() == end.pos();
        inserts.push(Insert {
            point: start,
            key: (1, id),
            xml: format!("<w:commentRangeStart w:id=\"{id}\"/>"),
        });
        inserts.push(Insert {
            point: end,
            key: (if empty { 2 } else { 0 }, id),
            xml: format!(
                "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
            ),
        });
        bodies.push_str(&comment(id, f, declare_w));
    }
    let document = edit::apply(&parts.document, &m, &inserts);
    let comments_xml = match &existing {
        Some(part) => part.with(&bodies),
        None => comments::new_part(&bodies),
    };
    let out = package::write(bytes, &parts, &document, comments_xml)?;
    // The promise is checked, not assumed: the copy reads back to the very same text.
    let again = crate::input::docx::read(&src.name, &out, crate::input::DEFAULT_MAX_SIZE)
        .map_err(|e| format!("the annotated copy does not read back: {e}"))?;
    if again.text != src.text {
        return Err("the annotated copy's text differs from the original; nothing written".into());
    }
    Ok(Annotated {
        bytes: out,
        comments: findings.len(),
    })
}

/// Where a finding's comment starts and ends.
fn anchor(m: &map::TextMap, doc: &Document, f: &Finding) -> Result<(Point, Point), String> {
    let fail = || {
        format!(
            "no place in the document for the finding at byte {}",
            f.span.start
        )
    };
    if ABSENT.contains(&f.rule.as_str()) || f.span.is_empty() {
        let at = if ABSENT.contains(&f.rule.as_str()) {
            section_start(doc, f.span.start)
        } else {
            f.span.start
        };
        let p = edit::paragraph_start(m, at).ok_or_else(fail)?;
        return Ok((p, p));
    }
    let start = edit::point(m, f.span.start, Side::Start).ok_or_else(fail)?;
    let end = edit::point(m, f.span.end, Side::End).ok_or_else(fail)?;
    if end.pos() < start.pos() {
        return Ok((start, start));
    }
    Ok((start, end))
}

/// The start of the nearest section heading (一、 or （一）, not an item's own number) at or
/// before `offset`; else of any heading; else of the text.
fn section_start(doc: &Document, offset: usize) -> usize {
    use crate::model::NumberStyle::{Chapter, Section};
    let before = |sections: bool| {
        doc.headings
            .iter()
            .filter(|h| !sections || matches!(h.numbering.style, Chapter | Section))
            .map(|h| h.line.start)
            .filter(|&s| s <= offset)
            .max()
    };
    before(true).or_else(|| before(false)).unwrap_or(0)
}

fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\t' || c == '\n' || c >= ' ')
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A `w:comment` speaking to the drafter: the rule's Chinese title in the first paragraph, then
/// the message, then what to change (words from `report::words::drafter_comment`).
/// `declare_w`: the part binds `w` to nothing or to another namespace at its root.
fn comment(id: u32, f: &Finding, declare_w: bool) -> String {
    let para = |text: &str, first: bool| {
        format!(
            "<w:p>{}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            if first {
                "<w:r><w:annotationRef/></w:r>"
            } else {
                ""
            },
            xml_text(text)
        )
    };
    let ns = if declare_w {
        format!(" xmlns:w=\"{}\"", comments::W_NS)
    } else {
        String::new()
    };
    let mut s = format!("<w:comment{ns} w:id=\"{id}\" w:author=\"planlint\" w:initials=\"PL\">");
    for (k, text) in crate::report::words::drafter_comment(f).iter().enumerate() {
        s.push_str(&para(text, k == 0));
    }
    s.push_str("</w:comment>");
    s
}

/// Checks `--annotate OUT` before anything runs: one Word document in, and the output not
/// that document. Returns the input's path.
pub fn check_target(
    files: &[std::ffi::OsString],
    out: &std::path::Path,
) -> Result<std::path::PathBuf, String> {
    let inputs = crate::input::expand(files);
    let one = match inputs.as_slice() {
        [crate::input::Expanded::File(p)] if p != std::path::Path::new("-") => p.clone(),
        _ => {
            return Err(
                "--annotate writes a copy of one Word document: give exactly one .docx file".into(),
            )
        }
    };
    // Read as every input is (a regular file, within the size limit): a pipe never blocks here.
    let is_docx = crate::input::read_file(&one, crate::input::DEFAULT_MAX_SIZE)
        .is_ok_and(|b| b.starts_with(b"PK\x03\x04"));
    if !is_docx {
        return Err(format!(
            "--annotate needs a Word .docx document, and {} is not one",
            crate::input::display(&one)
        ));
    }
    if crate::output::is_same_path(&one, out) {
        return Err(format!(
            "--annotate {} is the input itself; the original is never overwritten: name another file",
            out.display()
        ));
    }
    Ok(one)
}

/// Writes the annotated copy of a checked document; returns the line to print.
pub fn write_copy(
    report: &crate::report::FileReport,
    data: &crate::data::RuleData,
    out: &std::path::Path,
) -> Result<String, String> {
    let checked = report.outcome.as_ref().map_err(|e| e.clone())?;
    let bytes = crate::input::read_file(
        std::path::Path::new(&report.path),
        crate::input::DEFAULT_MAX_SIZE,
    )
    .map_err(|e| format!("{}: {e}", report.path))?;
    let doc = crate::reading::parse_document(&checked.src, data);
    let a = annotate(&bytes, &checked.src, &doc, &checked.findings)?;
    crate::output::write_atomic(out, &a.bytes)?;
    Ok(format!(
        "planlint: wrote {} with {} comment{}\n",
        out.display(),
        a.comments,
        if a.comments == 1 { "" } else { "s" }
    ))
}
