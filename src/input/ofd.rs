//! OFD (GB/T 33190, the national fixed-layout format): a zip package whose `OFD.xml` names the
//! document (`DocBody/DocRoot`), whose `Document.xml` lists the pages (`Pages/Page@BaseLoc`),
//! and whose pages hold text objects (`TextObject` with its `Boundary` and `Size`, and
//! `TextCode` with `X`, `Y` and `DeltaX`). The text codes of every page, in page order, become
//! pieces of text at their positions, rebuilt into paragraphs by [`super::paged`] as a PDF's
//! are. Template pages (running headers and footers) are not read. Reading is bounded as for
//! workbooks: the parts read unpack to at most [`XML_PER_TEXT`] times the size limit in all,
//! the text to the limit.

use super::docx::{Capped, Text, XML_PER_TEXT};
use super::paged::{Page, Piece};
use crate::source::{Container, Encoding, SourceFile};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// A zip package holding an OFD entry file (what a file is, whatever its name).
pub fn is_ofd(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| z.index_for_name("OFD.xml").is_some())
}

/// Reads an OFD's text into paragraphs.
pub fn read(name: &str, bytes: &[u8], max_size: u64) -> Result<SourceFile, String> {
    let broken = |e: &dyn std::fmt::Display| format!("the OFD file is broken: {e}");
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| broken(&e))?;
    let mut parts = Parts {
        zip,
        left: max_size.saturating_mul(XML_PER_TEXT),
        limit: max_size.saturating_mul(XML_PER_TEXT),
    };
    let entry = parts.read("OFD.xml")?;
    let root = first_text(&entry, "DocRoot")
        .ok_or_else(|| broken(&"OFD.xml names no document (DocBody/DocRoot)"))?;
    let root = resolve("", &root);
    let document = parts.read(&root)?;
    let dir = root.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let mut pages = Vec::new();
    for loc in attributes(&document, "Page", "BaseLoc") {
        let xml = parts.read(&resolve(&dir, &loc))?;
        pages.push(page_of(&xml).map_err(|e| broken(&e))?);
    }
    if pages.is_empty() {
        return Err(broken(&"Document.xml lists no pages"));
    }
    let mut text = Text::default();
    super::paged::write(&pages, &mut text, "OFD document", max_size)?;
    if text.out.trim().is_empty() {
        return Err("the OFD document holds no text (its pages may be scanned images): planlint reads text, not pictures; run OCR on it first, or use the Word or text version / 该 OFD 文件没有文字（页面可能是扫描图片）：planlint 只能读取文字，请先进行 OCR 文字识别，或改用 Word、文本版本".into());
    }
    text.into_source(name, Encoding::Utf8, "OFD document", Container::Paged)
}

/// The package's parts, read within one budget for all of them.
struct Parts<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    left: u64,
    limit: u64,
}

impl Parts<'_> {
    fn read(&mut self, path: &str) -> Result<String, String> {
        let entry = self
            .zip
            .by_name(path)
            .map_err(|_| format!("the OFD file is broken: it holds no {path}"))?;
        let mut capped = Capped {
            inner: entry,
            left: self.left,
            over: false,
        };
        let mut out = Vec::new();
        let read = capped.read_to_end(&mut out);
        if capped.over {
            return Err(format!(
                "the OFD file unpacks to more than {} ({XML_PER_TEXT} times the size limit; raise it with --max-size or max-size in planlint.toml)",
                super::size_text(self.limit)
            ));
        }
        read.map_err(|e| format!("the OFD file is broken: cannot read {path}: {e}"))?;
        self.left = capped.left;
        String::from_utf8(out).map_err(|_| format!("the OFD file is broken: {path} is not UTF-8"))
    }
}

/// A path of the package: absolute (`/Doc_0/…`) from its root, else from `dir`.
fn resolve(dir: &str, loc: &str) -> String {
    let loc = loc.trim();
    if let Some(abs) = loc.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in loc.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The text of the first element named `name` (any prefix).
fn first_text(xml: &str, name: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == name => inside = true,
            Event::Text(t) if inside => return Some(t.xml10_content().trim().to_string()),
            Event::End(_) if inside => return None,
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The values of attribute `key` of every element named `name`, in order.
fn attributes(xml: &str, name: &str, key: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == name => {
                out.extend(attr(&e, key));
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// Numbers of an OFD array attribute (`"10 20 30.5"`).
fn numbers(s: &str) -> Vec<f64> {
    s.split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// The advances of `DeltaX`, with `g N v` (N times v) spread out.
fn deltas(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut it = s.split_whitespace();
    while let Some(t) = it.next() {
        if t == "g" {
            let n: usize = it.next().and_then(|n| n.parse().ok()).unwrap_or(0);
            let v: f64 = it.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
            out.extend(std::iter::repeat_n(v, n.min(1 << 16)));
        } else if let Ok(v) = t.parse() {
            out.push(v);
        }
    }
    out
}

/// The text codes of a page's content as pieces (millimetres from the top left).
fn page_of(xml: &str) -> Result<Page, String> {
    let mut reader = Reader::from_str(xml);
    let mut page = Page::default();
    // The text object being read: its origin and font size.
    let mut object: Option<(f64, f64, f64)> = None;
    // The text code being read: its position and advances.
    let mut code: Option<(f64, f64, Vec<f64>, String)> = None;
    // Elements open: a page cut short ends with some still open.
    let mut open = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "a page is malformed near byte {}: {e}",
                reader.buffer_position()
            )
        })?;
        match &event {
            Event::Start(_) => open += 1,
            Event::End(_) => open = open.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Start(e) if e.local_name().as_ref() == "TextObject" => {
                let b = attr(&e, "Boundary")
                    .map(|b| numbers(&b))
                    .unwrap_or_default();
                let size = attr(&e, "Size")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(0.0);
                object = Some((
                    b.first().copied().unwrap_or(0.0),
                    b.get(1).copied().unwrap_or(0.0),
                    size,
                ));
            }
            Event::End(e) if e.local_name().as_ref() == "TextObject" => object = None,
            Event::Start(e) if e.local_name().as_ref() == "TextCode" && object.is_some() => {
                let num = |k: &str| {
                    attr(&e, k)
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(0.0)
                };
                let d = attr(&e, "DeltaX").map(|d| deltas(&d)).unwrap_or_default();
                code = Some((num("X"), num("Y"), d, String::new()));
            }
            Event::Text(t) => {
                if let Some((.., s)) = code.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((.., s)) = code.as_mut() {
                    let name = r.clone().into_inner();
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        s.push(c);
                    } else if let Some(v) = quick_xml::escape::resolve_predefined_entity(&name) {
                        s.push_str(v);
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == "TextCode" => {
                // Each character at its own place: the code's position plus the advances
                // before it (a character without one advances by the font's size, half that
                // for ASCII).
                if let (Some((x, y, d, s)), Some((bx, by, size))) = (code.take(), object) {
                    let mut at = bx + x;
                    for (k, c) in s.chars().enumerate() {
                        let own = if c.is_ascii() { 0.5 * size } else { size };
                        let advance = d.get(k).copied().unwrap_or(own);
                        page.pieces.push(Piece {
                            x: at,
                            y: by + y,
                            size,
                            // Spread letters (a title set out as 通  知) leave gaps.
                            width: if (0.0..=2.0 * own).contains(&advance) {
                                advance
                            } else {
                                own
                            },
                            text: c.to_string(),
                        });
                        at += advance;
                    }
                }
            }
            Event::Eof if open > 0 => {
                return Err("a page ends inside an element: it is cut short".into())
            }
            Event::Eof => return Ok(page),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn paths_and_advances() {
        assert_eq!(
            super::resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(
            super::resolve("Doc_0", "/Doc_0/Pages/Page_1/Content.xml"),
            "Doc_0/Pages/Page_1/Content.xml"
        );
        assert_eq!(
            super::resolve("", "./Doc_0/../Doc_1/Document.xml"),
            "Doc_1/Document.xml"
        );
        assert_eq!(
            super::deltas("g 3 4.5 2 g 2 1"),
            vec![4.5, 4.5, 4.5, 2.0, 1.0, 1.0]
        );
    }
}
