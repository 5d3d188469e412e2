//! The .docx package around the comments: `word/comments.xml` (new, or the document's own with
//! ours appended), its relationship from the document and its content type. Every other part
//! is copied byte for byte (still compressed).

use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

const DOCUMENT: &str = "word/document.xml";
const RELS: &str = "word/_rels/document.xml.rels";
const TYPES: &str = "[Content_Types].xml";
const COMMENTS_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
/// Part sizes read into memory are bounded (a zip bomb guard, as in the reader).
const MAX_PART: u64 = 512 * 1024 * 1024;

/// The parts the comments touch, read from the package.
pub struct Parts {
    pub document: String,
    pub rels: String,
    pub types: String,
    /// The comments part's name (from the relationship) and text, if the document has one.
    pub comments: Option<(String, String)>,
}

fn read_part(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let Ok(entry) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut s = String::new();
    entry
        .take(MAX_PART)
        .read_to_string(&mut s)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    Ok(Some(s))
}

pub fn read(bytes: &[u8]) -> Result<Parts, String> {
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| "not a Word .docx file (it is not a zip archive)".to_string())?;
    let missing = |n: &str| format!("not a Word .docx file (the archive holds no {n})");
    let document = read_part(&mut zip, DOCUMENT)?.ok_or_else(|| missing(DOCUMENT))?;
    let rels = read_part(&mut zip, RELS)?.ok_or_else(|| missing(RELS))?;
    let types = read_part(&mut zip, TYPES)?.ok_or_else(|| missing(TYPES))?;
    let comments = match comments_target(&rels) {
        Some(target) => {
            let name = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("word/{}", target.trim_start_matches("./")),
            };
            read_part(&mut zip, &name)?.map(|t| (name, t))
        }
        None => None,
    };
    Ok(Parts {
        document,
        rels,
        types,
        comments,
    })
}

/// The target of the document's comments relationship, if it has one.
fn comments_target(rels: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(rels);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Empty(e) | quick_xml::events::Event::Start(e)) => {
                let get = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k)
                        .map(|a| a.value.into_owned())
                };
                if get("Type").as_deref() == Some(COMMENTS_TYPE) {
                    return get("Target");
                }
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// An id for a new relationship: one more than the largest `rIdN`.
fn new_rel_id(rels: &str) -> String {
    let max = rels
        .match_indices("Id=\"rId")
        .filter_map(|(i, m)| {
            let rest = &rels[i + m.len()..];
            rest[..rest.find('"')?].parse::<u64>().ok()
        })
        .max()
        .unwrap_or(0);
    format!("rId{}", max + 1)
}

/// Inserts `item` before the closing tag `close` (the last one in `xml`).
fn before_close(xml: &str, close: &str, item: &str) -> Result<String, String> {
    let at = xml
        .rfind(close)
        .ok_or_else(|| format!("the package part lacks {close}"))?;
    Ok(format!("{}{item}{}", &xml[..at], &xml[at..]))
}

/// Writes the new package: the changed parts replaced in place, the others copied raw.
/// `comments_xml` is the whole comments part (the document's own with ours added, or new).
pub fn write(
    bytes: &[u8],
    parts: &Parts,
    document: &str,
    comments_xml: String,
) -> Result<Vec<u8>, String> {
    let err = |e: zip::result::ZipError| format!("cannot write the Word document: {e}");
    let (comments_name, comments_xml, rels, types) = match &parts.comments {
        Some((name, _)) => (
            name.clone(),
            comments_xml,
            parts.rels.clone(),
            parts.types.clone(),
        ),
        None => {
            let rel = format!(
                "<Relationship Id=\"{}\" Type=\"{COMMENTS_TYPE}\" Target=\"comments.xml\"/>",
                new_rel_id(&parts.rels)
            );
            let over = format!(
                "<Override PartName=\"/word/comments.xml\" ContentType=\"{COMMENTS_CONTENT}\"/>"
            );
            (
                "word/comments.xml".to_string(),
                comments_xml,
                before_close(&parts.rels, "</Relationships>", &rel)?,
                before_close(&parts.types, "</Types>", &over)?,
            )
        }
    };
    let mut zin = ZipArchive::new(Cursor::new(bytes)).map_err(err)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut wrote_comments = false;
    // New and changed parts keep the document's own time stamp.
    let mut stamp = None;
    for k in 0..zin.len() {
        let entry = zin.by_index_raw(k).map_err(err)?;
        let name = entry.name().map_err(err)?.into_owned();
        let time = entry.last_modified();
        if name == DOCUMENT {
            stamp = time;
        }
        let replaced = match name.as_str() {
            DOCUMENT => Some(document),
            RELS => Some(rels.as_str()),
            TYPES => Some(types.as_str()),
            n if n == comments_name => {
                wrote_comments = true;
                Some(comments_xml.as_str())
            }
            _ => None,
        };
        match replaced {
            Some(text) => {
                drop(entry);
                let o = match time {
                    Some(t) => options.last_modified_time(t),
                    None => options,
                };
                out.start_file(name, o).map_err(err)?;
                out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
            }
            None => out.raw_copy_file(entry).map_err(err)?,
        }
    }
    if !wrote_comments {
        let o = match stamp {
            Some(t) => options.last_modified_time(t),
            None => options,
        };
        out.start_file(comments_name, o).map_err(err)?;
        out.write_all(comments_xml.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    Ok(out.finish().map_err(err)?.into_inner())
}
