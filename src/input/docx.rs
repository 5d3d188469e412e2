//! Word documents (.docx): the paragraphs and tables of `word/document.xml`, turned into the
//! same text a Word "save as text" export gives, so the one parser reads both. Paragraphs are
//! lines; a table row is one line per cell, each starting with a tab, then a blank line. A cell
//! continued by a vertical merge (`w:vMerge` without `restart`) is an empty cell, as in the
//! export, so the table parser's merged-cell rule applies; `w:gridSpan` advances the column.
//! Every line remembers its paragraph or cell, so findings can name a place Word users find.

use crate::source::{is_cjk, Encoding, Place, SourceFile};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::Read;

/// Larger document XML than this is refused rather than inflated (a zip bomb guard).
const MAX_XML_BYTES: u64 = 512 * 1024 * 1024;

pub fn read(name: &str, bytes: &[u8]) -> Result<SourceFile, String> {
    let xml = document_xml(bytes)?;
    let mut text = Text::default();
    walk(&xml, &mut text)?;
    if text.out.trim().is_empty() {
        return Err("the Word document holds no text".into());
    }
    if !text.out.chars().any(is_cjk) {
        return Err("the text holds no Chinese characters, so it is not a plan".into());
    }
    let mut src = SourceFile::with_encoding(name, text.out, Encoding::Utf8);
    src.places = text.places;
    Ok(src)
}

fn document_xml(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| "not a Word .docx file (it is not a zip archive)".to_string())?;
    let entry = zip.by_name("word/document.xml").map_err(|_| {
        "not a Word .docx file (the archive holds no word/document.xml)".to_string()
    })?;
    let mut xml = String::new();
    entry
        .take(MAX_XML_BYTES)
        .read_to_string(&mut xml)
        .map_err(|e| format!("cannot read word/document.xml: {e}"))?;
    Ok(xml)
}

/// The text being built, with the place of every line.
#[derive(Default)]
struct Text {
    out: String,
    places: Vec<(usize, Place)>,
    paragraphs: usize,
    tables: usize,
}

impl Text {
    fn line(&mut self, place: Place, line: &str) {
        self.places.push((self.out.len(), place));
        self.out.push_str(line);
        self.out.push('\n');
    }
}

/// Where the reader is inside a top-level table.
struct TableState {
    number: usize,
    row: usize,
    column: usize,
    /// gridSpan and vMerge of the cell being read.
    span: usize,
    continued: bool,
    cell: Vec<String>,
}

fn walk(xml: &str, text: &mut Text) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    let mut table_depth = 0usize;
    let mut table: Option<TableState> = None;
    let mut paragraph: Option<String> = None;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "word/document.xml is malformed near byte {}: {e}",
                reader.buffer_position()
            )
        })?;
        match event {
            Event::Eof => break,
            Event::Start(e) => match e.local_name().as_ref() {
                "tbl" => {
                    table_depth += 1;
                    if table_depth == 1 {
                        text.tables += 1;
                        table = Some(TableState {
                            number: text.tables,
                            row: 0,
                            column: 0,
                            span: 1,
                            continued: false,
                            cell: Vec::new(),
                        });
                    }
                }
                "tr" if table_depth == 1 => {
                    if let Some(t) = table.as_mut() {
                        t.row += 1;
                        t.column = 0;
                    }
                }
                "tc" if table_depth == 1 => {
                    if let Some(t) = table.as_mut() {
                        t.span = 1;
                        t.continued = false;
                        t.cell.clear();
                    }
                }
                "p" => paragraph = Some(String::new()),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" | "br" | "cr" => {
                    if let Some(p) = paragraph.as_mut() {
                        // Tabs and breaks inside a paragraph are spacing, not cell borders.
                        p.push(' ');
                    }
                }
                "gridSpan" if table_depth == 1 => {
                    if let (Some(t), Some(n)) = (table.as_mut(), attr(&e, "val")) {
                        t.span = n.parse().unwrap_or(1).clamp(1, 64);
                    }
                }
                "vMerge" if table_depth == 1 => {
                    if let Some(t) = table.as_mut() {
                        t.continued = attr(&e, "val").as_deref() != Some("restart");
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(p) = paragraph.as_mut() {
                    p.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(p) = paragraph.as_mut() {
                    let name = r.clone().into_inner();
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        p.push(c);
                    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                        p.push_str(s);
                    }
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "p" => {
                    let p = paragraph.take().unwrap_or_default();
                    match table.as_mut() {
                        Some(t) if table_depth >= 1 => t.cell.push(p),
                        _ => {
                            if !p.trim().is_empty() {
                                text.paragraphs += 1;
                                let place = Place::Paragraph {
                                    paragraph: text.paragraphs,
                                };
                                text.line(place, p.trim_end());
                            }
                        }
                    }
                }
                "tc" if table_depth == 1 => {
                    if let Some(t) = table.as_mut() {
                        let place = Place::Cell {
                            table: t.number,
                            row: t.row,
                            column: t.column + 1,
                        };
                        let mut paras: Vec<&str> = t
                            .cell
                            .iter()
                            .map(|p| p.trim())
                            .filter(|p| !p.is_empty())
                            .collect();
                        if t.continued {
                            paras.clear();
                        }
                        let first = paras.first().copied().unwrap_or("");
                        text.line(place, &format!("\t{first}"));
                        for p in paras.iter().skip(1) {
                            text.line(place, p);
                        }
                        t.column += t.span;
                    }
                }
                "tr" if table_depth == 1 => {
                    if let Some(t) = &table {
                        let place = Place::Cell {
                            table: t.number,
                            row: t.row,
                            column: t.column,
                        };
                        text.line(place, "");
                    }
                }
                "tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    if table_depth == 0 {
                        table = None;
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(())
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value.into_owned())
}
