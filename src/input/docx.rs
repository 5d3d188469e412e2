//! Word documents (.docx): the paragraphs and tables of `word/document.xml` as blocks, read from
//! the real cells. The text the findings point into is laid out as Word's "save as text" would
//! write it (paragraphs are lines; a table row is one line per cell, each starting with a tab,
//! then a blank line), but the blocks come from the XML, so rows, grid columns (`w:gridSpan`)
//! and vertical merges (`w:vMerge`: the cell continues the one above) are known, not guessed.
//! Every line remembers its paragraph or cell, so findings can name a place Word users find.

use super::word_numbering::{Counter, Numbering, ParagraphNumbering};
use crate::blocks::{Block, Cell, Paragraph, Row, Table};
use crate::source::{is_cjk, Container, Encoding, Format, Place, Revisions, SourceFile, Span};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{BufRead, BufReader, Read};

/// The first bytes of an OLE compound file: an encrypted .docx, or an old binary .doc.
pub const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// More XML elements than this (start and empty tags of word/document.xml) are refused rather
/// than read: the largest real plans have a few hundred thousand, and every paragraph and cell
/// read costs memory, so this bounds what a crafted document can take.
pub const MAX_ELEMENTS: usize = 2_000_000;

/// How many bytes of word/document.xml are read per byte of the size limit (which bounds the
/// text made of it).
pub const XML_PER_TEXT: u64 = 8;

const ENCRYPTED: &str = "the Word document is encrypted (password-protected): planlint cannot read it; save a copy without a password";

/// Why an OLE compound file is not read: encrypted .docx files are stored in one (their stream
/// is named EncryptedPackage), and so are Word 97-2003 .doc files.
pub fn ole_reason(bytes: &[u8]) -> String {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
        ENCRYPTED.into()
    } else {
        "the file is an old binary Office document (Word 97-2003 .doc or the like), not a .docx: save it as .docx".into()
    }
}

/// Reads a .docx; the text made of it is bounded by `max_size`, the XML read by
/// [`XML_PER_TEXT`] times that and by [`MAX_ELEMENTS`]: a document past a bound is refused,
/// never cut short.
pub fn read(name: &str, bytes: &[u8], max_size: u64) -> Result<SourceFile, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| "not a Word .docx file (it is not a zip archive)".to_string())?;
    if zip.index_for_name("word/document.xml").is_none() {
        return Err(if zip.index_for_name("EncryptedPackage").is_some() {
            ENCRYPTED.into()
        } else {
            "not a Word .docx file (the archive holds no word/document.xml)".into()
        });
    }
    // Word's XML is several times its text (every run carries its formatting).
    let xml_limit = max_size.saturating_mul(XML_PER_TEXT);
    let hidden = hidden_styles(&mut zip, xml_limit);
    let numbering = numbering(&mut zip, xml_limit);
    let survey = match zip.by_name("word/document.xml") {
        Ok(entry) => survey(BufReader::new(entry.take(xml_limit)), &numbering),
        Err(_) => Default::default(),
    };
    let entry = zip
        .by_name("word/document.xml")
        .map_err(|e| format!("cannot read word/document.xml: {e}"))?;
    let mut xml = Capped {
        inner: entry,
        left: xml_limit,
        over: false,
    };
    let mut text = Text::default();
    let mut tracked = Tracked::default();
    let walked = walk(
        BufReader::new(&mut xml),
        &mut text,
        &mut tracked,
        &hidden,
        &survey,
        max_size,
    );
    if xml.over {
        return Err(format!(
            "word/document.xml is larger than {} ({XML_PER_TEXT} times the size limit; raise it with --max-size or max-size in planlint.toml)",
            super::size_text(xml_limit)
        ));
    }
    walked?;
    text.revisions = tracked.finish(&text);
    text.into_source(name, Encoding::Utf8, "Word document", Container::Word)
}

/// The tracked changes of a document being read: counts, and the number of lines written when
/// the first was met (the next line written holds it, or follows what it deleted).
#[derive(Default)]
struct Tracked {
    inserted: usize,
    deleted: usize,
    moved: usize,
    first_line: Option<usize>,
    /// A change of the runs of the paragraph being read was counted (its mark's own change is
    /// then part of it, not another).
    in_paragraph: bool,
    /// The change of the paragraph mark being read, counted at its end if alone.
    mark: Option<&'static str>,
}

impl Tracked {
    fn note(&mut self, kind: &str, lines: usize) {
        match kind {
            "ins" => self.inserted += 1,
            "del" => self.deleted += 1,
            // A move is one change: its destination is counted, its source left.
            "moveTo" => self.moved += 1,
            _ => {}
        }
        self.first_line.get_or_insert(lines);
    }

    /// The finding's place: the first non-empty line at or after the first change (else the
    /// last non-empty line before it).
    fn finish(self, text: &Text) -> Option<Revisions> {
        let first = self.first_line?;
        let line_at = |i: usize| -> Option<Span> {
            let start = text.places.get(i)?.0;
            let rest = &text.out[start..];
            let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
            let lead = line.len() - line.trim_start().len();
            let t = line.trim();
            (!t.is_empty()).then(|| Span::new(start + lead, start + lead + t.len()))
        };
        let span = (first..text.places.len())
            .find_map(line_at)
            .or_else(|| (0..first.min(text.places.len())).rev().find_map(line_at))
            .unwrap_or_default();
        Some(Revisions {
            inserted: self.inserted,
            deleted: self.deleted,
            moved: self.moved,
            span,
        })
    }
}

/// The character styles of word/styles.xml that hide their text (`<w:vanish/>` in their run
/// properties): a run in one of them is not shown, so not read. None when the part is missing,
/// unreadable or over the limit (then only a run's own vanish hides it).
fn hidden_styles<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    limit: u64,
) -> rustc_hash::FxHashSet<String> {
    let mut hidden = rustc_hash::FxHashSet::default();
    let Ok(entry) = zip.by_name("word/styles.xml") else {
        return hidden;
    };
    let capped = Capped {
        inner: entry,
        left: limit,
        over: false,
    };
    let mut reader = Reader::from_reader(BufReader::new(capped));
    let mut buf = Vec::new();
    // The character style being read, and whether its run properties hide it.
    let mut style: Option<(String, bool)> = None;
    let mut in_run_properties = false;
    loop {
        let event = reader.read_event_into(&mut buf);
        let (e, empty) = match &event {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                match e.local_name().as_ref() {
                    "style" => {
                        if let Some((id, true)) = style.take() {
                            hidden.insert(id);
                        }
                    }
                    "rPr" => in_run_properties = false,
                    _ => {}
                }
                buf.clear();
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {
                buf.clear();
                continue;
            }
        };
        match e.local_name().as_ref() {
            "style" if !empty => {
                style = (attr(e, "type").as_deref() == Some("character"))
                    .then(|| attr(e, "styleId").map(|id| (id, false)))
                    .flatten();
            }
            "rPr" if !empty => in_run_properties = true,
            "vanish" if in_run_properties => {
                if let Some(s) = style.as_mut() {
                    s.1 = switched_on(e);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    hidden
}

/// The numbering definitions of word/numbering.xml and word/styles.xml (empty when the
/// document has none; a part over the limit is read up to it).
pub(crate) fn numbering<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    limit: u64,
) -> Numbering {
    let mut part = |name: &str| -> Option<Vec<u8>> {
        let mut bytes = Vec::new();
        zip.by_name(name)
            .ok()?
            .take(limit)
            .read_to_end(&mut bytes)
            .ok()?;
        Some(bytes)
    };
    let numbering = part("word/numbering.xml");
    let styles = numbering.as_ref().and_then(|_| part("word/styles.xml"));
    Numbering::read(numbering.as_deref(), styles.as_deref())
}

/// Whether an element name is one of Word's records of a formatting change, whose children
/// are the old properties (never text).
fn is_property_change(name: &str) -> bool {
    name.ends_with("PrChange") || matches!(name, "tblGridChange" | "numberingChange")
}

/// A reader that fails once more than `left` bytes would be read (a zip bomb guard).
pub(super) struct Capped<R> {
    pub(super) inner: R,
    pub(super) left: u64,
    pub(super) over: bool,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let want = buf.len().min(self.left.saturating_add(1) as usize);
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > self.left {
            self.over = true;
            return Err(std::io::Error::other("over the size limit"));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// The text being built, with the place of every line and the blocks (the layout every
/// reader of a structured format writes: Word, Excel, HTML).
#[derive(Default)]
pub(super) struct Text {
    pub(super) out: String,
    pub(super) places: Vec<(usize, Place)>,
    pub(super) paragraphs: usize,
    pub(super) tables: usize,
    pub(super) blocks: Vec<Block>,
    /// Tracked changes read (Word only).
    pub(super) revisions: Option<Revisions>,
}

impl Text {
    /// The source read, refused where it holds no text or no Chinese (`what`: the Word
    /// document, the Excel workbook, the web page).
    pub(super) fn into_source(
        self,
        name: &str,
        encoding: Encoding,
        what: &str,
        container: crate::source::Container,
    ) -> Result<SourceFile, String> {
        if self.out.trim().is_empty() {
            return Err(format!("the {what} holds no text"));
        }
        if !self.out.chars().any(is_cjk) {
            return Err("the text holds no Chinese characters, so it is not a plan".into());
        }
        let mut src = SourceFile::with_encoding(name, self.out, encoding);
        src.places = self.places;
        src.format = Format::Word(self.blocks);
        src.revisions = self.revisions;
        src.container = container;
        Ok(src)
    }

    /// Writes a line; returns the span of `line` in the text.
    pub(super) fn line(&mut self, place: Place, line: &str) -> Span {
        let start = self.out.len();
        self.places.push((start, place));
        self.out.push_str(line);
        self.out.push('\n');
        Span::new(start, start + line.len())
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
    rows: Vec<Row>,
    cells: Vec<Cell>,
    start: usize,
}

/// Writes a paragraph outside tables (an empty one is not written or counted). Its manual line
/// breaks (`\n`: Word's Shift+Enter, `w:br`, `w:cr`) end lines as a text export writes them:
/// each line is a block of its own, at the same Word paragraph.
fn body_paragraph(text: &mut Text, p: &str) {
    if p.trim().is_empty() {
        return;
    }
    text.paragraphs += 1;
    let place = Place::Paragraph {
        paragraph: text.paragraphs,
    };
    for piece in p.split('\n') {
        let t = piece.trim();
        if t.is_empty() {
            continue;
        }
        let line = text.line(place, piece.trim_end());
        let lead = piece.len() - piece.trim_start().len();
        let span = Span::new(line.start + lead, line.start + lead + t.len());
        text.blocks.push(Block::Paragraph(Paragraph { span }));
    }
}

/// What the readers learn of the body before reading it: the tables that only frame what they
/// hold, and the numbers Word draws before numbered paragraphs (both keyed by the reader's
/// position after the element's start tag, so the reader and the annotation map, which read
/// the same bytes, find them alike).
#[derive(Debug, Default)]
pub(crate) struct Survey {
    /// Where the tables that only frame what they hold begin: one cell per row. A plan pasted
    /// from a web page or boxed for layout sits in such a frame, its task table nested inside;
    /// a 专栏 box, or a list of items (1.…（A牵头）) set in a table of one column, is text laid
    /// out in rows. Such a table is read as the page it lays out: its paragraphs as paragraphs,
    /// its nested tables as tables (no header or columns to read it by: read as a table, its
    /// items were no task at all).
    pub frames: rustc_hash::FxHashSet<u64>,
    /// The label of each numbered paragraph ([`word_numbering`]), written before its text as
    /// Word shows it.
    pub labels: rustc_hash::FxHashMap<u64, String>,
}

/// A paragraph being surveyed: where it starts, its numbering properties, the depth of its
/// element, and whether its label was taken.
struct Surveyed {
    at: u64,
    props: ParagraphNumbering,
    depth: usize,
    counted: bool,
}

pub(crate) fn survey(xml: impl BufRead, numbering: &Numbering) -> Survey {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    // Per open table: where it began, its rows, and its cells so far.
    let mut open: Vec<(u64, usize, usize)> = Vec::new();
    let mut out = Survey::default();
    let mut counter = Counter::default();
    let mut paragraphs: Vec<Surveyed> = Vec::new();
    let mut depth = 0usize;
    // Inside a paragraph's properties (their depth), and inside a subtree not shown or not
    // current (mc:Fallback, a record of old properties).
    let mut in_ppr: Option<usize> = None;
    let mut skipped = 0usize;
    let mut count = |p: &mut Surveyed, out: &mut Survey| {
        if !std::mem::replace(&mut p.counted, true) && !numbering.is_empty() {
            if let Some(label) = counter.next(numbering, &p.props) {
                out.labels.insert(p.at, label);
            }
        }
    };
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf);
        let (e, empty) = match &event {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                depth = depth.saturating_sub(1);
                if skipped > 0 {
                    skipped -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    "tbl" => {
                        // One cell per row: a frame, or a list of items set in a table.
                        if let Some((at, rows, cells)) = open.pop() {
                            if rows > 0 && rows == cells {
                                out.frames.insert(at);
                            }
                        }
                    }
                    "pPr" if in_ppr == Some(depth) => {
                        in_ppr = None;
                        if let Some(p) = paragraphs.last_mut() {
                            count(p, &mut out);
                        }
                    }
                    "p" => {
                        if let Some(mut p) = paragraphs.pop() {
                            count(&mut p, &mut out);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => continue,
        };
        if !empty {
            depth += 1;
        }
        if skipped > 0 {
            skipped += usize::from(!empty);
            continue;
        }
        let name = e.local_name();
        let name = name.as_ref();
        if !empty && (name == "Fallback" || is_property_change(name)) {
            skipped = 1;
            continue;
        }
        match name {
            "tbl" if !empty => open.push((reader.buffer_position(), 0, 0)),
            "tr" if !empty => {
                if let Some(t) = open.last_mut() {
                    t.1 += 1;
                }
            }
            "tc" if !empty => {
                if let Some(t) = open.last_mut() {
                    t.2 += 1;
                }
            }
            "p" if !empty => paragraphs.push(Surveyed {
                at: reader.buffer_position(),
                props: ParagraphNumbering::default(),
                depth,
                counted: false,
            }),
            // An empty paragraph is counted all the same (Word numbers it).
            "p" => count(
                &mut Surveyed {
                    at: reader.buffer_position(),
                    props: ParagraphNumbering::default(),
                    depth,
                    counted: false,
                },
                &mut out,
            ),
            "pPr"
                if paragraphs
                    .last()
                    .is_some_and(|p| p.depth + 1 == depth + usize::from(empty)) =>
            {
                if empty {
                    if let Some(p) = paragraphs.last_mut() {
                        count(p, &mut out);
                    }
                } else {
                    in_ppr = Some(depth - 1);
                }
            }
            "pStyle" | "numId" | "ilvl" if in_ppr.is_some() => {
                if let Some(p) = paragraphs.last_mut() {
                    let val = attr(e, "val");
                    match name {
                        "pStyle" => p.props.style = val,
                        "numId" => p.props.num = val,
                        _ => p.props.level = val.and_then(|v| v.trim().parse().ok()),
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Reads the body. Tracked changes are read as accepted: inserted and moved-in runs are text,
/// deleted and moved-out runs are not, a paragraph whose mark was deleted runs on into the
/// next one, and a deleted table row is left out.
fn walk(
    xml: impl BufRead,
    text: &mut Text,
    tracked: &mut Tracked,
    hidden: &rustc_hash::FxHashSet<String>,
    survey: &Survey,
    max_size: u64,
) -> Result<(), String> {
    let mut reader = Reader::from_reader(xml);
    // Per open table: whether it is a frame read as the page ([`Survey::frames`]).
    let mut framing: Vec<bool> = Vec::new();
    let mut buf = Vec::new();
    let mut table_depth = 0usize;
    let mut table: Option<TableState> = None;
    let mut paragraph: Option<String> = None;
    // Paragraphs around a text box's own paragraphs (w:txbxContent): resumed after it.
    let mut outer: Vec<Option<String>> = Vec::new();
    // A text box's paragraphs, written after the paragraph that anchors the box: Word floats
    // the box beside its paragraph, and the paragraph (1.…) reads before the box (2.…).
    let mut boxed: Vec<String> = Vec::new();
    // What Word does not show is not read: a subtree skipped whole (mc:Fallback, the second
    // copy of a text box), text of deleted runs and field codes, runs marked hidden.
    let mut skipped = 0usize;
    let mut unshown_text = false;
    let mut in_run = false;
    // Inside a w:t, where white space is text.
    let mut in_t = false;
    let mut run_hidden = false;
    // Inside paragraph or row properties: a deletion there marks the paragraph's mark or the
    // row, not runs.
    let mut in_ppr = false;
    let mut in_trpr = false;
    let mut mark_deleted = false;
    let mut row_deleted = false;
    // The text of paragraphs whose mark was deleted, to open the next paragraph.
    let mut carry = String::new();
    // Elements open: a part cut short ends with some still open.
    let mut open = 0usize;
    let mut elements = 0usize;
    // Text taken from the XML so far, written out or still held in a paragraph or cell.
    let mut taken = 0u64;
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            format!(
                "word/document.xml is malformed near byte {}: {e}",
                reader.buffer_position()
            )
        })?;
        if let Event::Start(_) | Event::Empty(_) = event {
            elements += 1;
            if elements > MAX_ELEMENTS {
                return Err(format!(
                    "word/document.xml holds more than {MAX_ELEMENTS} elements, more than planlint reads"
                ));
            }
        }
        let held = paragraph.as_ref().map_or(0, String::len);
        let started = matches!(event, Event::Start(_));
        match &event {
            Event::Start(_) => open += 1,
            Event::End(_) => open = open.saturating_sub(1),
            _ => {}
        }
        if skipped > 0 {
            match &event {
                Event::Start(_) => skipped += 1,
                Event::End(_) => skipped -= 1,
                Event::Eof => {}
                _ => continue,
            }
            if !matches!(event, Event::Eof) {
                continue;
            }
        }
        match event {
            Event::Eof => {
                if open > 0 {
                    return Err(
                        "word/document.xml ends inside an element: the part is cut short, and what follows the cut is lost"
                            .into(),
                    );
                }
                body_paragraph(text, &carry);
                break;
            }
            Event::Start(e) if e.local_name().as_ref() == "Fallback" => skipped = 1,
            Event::Start(e) if is_property_change(e.local_name().as_ref()) => skipped = 1,
            Event::Start(e)
                if matches!(
                    e.local_name().as_ref(),
                    "ins" | "del" | "moveFrom" | "moveTo"
                ) && !in_ppr
                    && !in_trpr =>
            {
                let kind = e.local_name();
                tracked.note(kind.as_ref(), text.places.len());
                tracked.in_paragraph = true;
                if matches!(kind.as_ref(), "del" | "moveFrom") {
                    // Deleted or moved away: nothing under it is read.
                    skipped = 1;
                }
            }
            Event::Start(e) | Event::Empty(e)
                if (in_ppr || in_trpr)
                    && matches!(
                        e.local_name().as_ref(),
                        "ins" | "del" | "moveFrom" | "moveTo"
                    ) =>
            {
                let kind = e.local_name();
                let deleted = matches!(kind.as_ref(), "del" | "moveFrom");
                if in_trpr {
                    tracked.note(kind.as_ref(), text.places.len());
                    row_deleted |= deleted;
                } else {
                    tracked.mark = match kind.as_ref() {
                        "ins" => Some("ins"),
                        "del" => Some("del"),
                        "moveTo" => Some("moveTo"),
                        _ => Some("moveFrom"),
                    };
                    mark_deleted |= deleted;
                }
                if started {
                    skipped = 1;
                }
            }
            Event::Start(e) => match e.local_name().as_ref() {
                "pPr" => in_ppr = true,
                "trPr" => in_trpr = true,
                "tbl" if table_depth == 0 && survey.frames.contains(&reader.buffer_position()) => {
                    framing.push(true);
                }
                "tbl" => {
                    framing.push(false);
                    table_depth += 1;
                    if table_depth == 1 {
                        // A paragraph that ran on into a table keeps its text.
                        body_paragraph(text, &std::mem::take(&mut carry));
                        text.tables += 1;
                        table = Some(TableState {
                            number: text.tables,
                            row: 0,
                            column: 0,
                            span: 1,
                            continued: false,
                            cell: Vec::new(),
                            rows: Vec::new(),
                            cells: Vec::new(),
                            start: text.out.len(),
                        });
                    }
                }
                "tr" if table_depth == 1 => {
                    row_deleted = false;
                    if let Some(t) = table.as_mut() {
                        t.row += 1;
                        t.column = 0;
                        t.cells.clear();
                    }
                }
                "tc" if table_depth == 1 => {
                    if let Some(t) = table.as_mut() {
                        t.span = 1;
                        t.continued = false;
                        t.cell.clear();
                    }
                }
                "p" => {
                    let label = survey.labels.get(&reader.buffer_position());
                    outer.push(paragraph.replace(label.cloned().unwrap_or_default()));
                    mark_deleted = false;
                    tracked.in_paragraph = false;
                    tracked.mark = None;
                }
                "r" => {
                    in_run = true;
                    run_hidden = false;
                }
                "delText" | "instrText" => unshown_text = true,
                "t" => in_t = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "vanish" if in_run => {
                    run_hidden = switched_on(&e);
                }
                // A character style that hides its text (Word shows none of it); a vanish of
                // the run's own, written after its style, still decides.
                "rStyle" if in_run && attr(&e, "val").is_some_and(|v| hidden.contains(&v)) => {
                    run_hidden = true;
                }
                // A manual line break outside tables ends a line, as Word shows it (items
                // typed with Shift+Enter are one paragraph); in a cell it is spacing.
                "br" | "cr" if table_depth == 0 => {
                    if let Some(p) = paragraph.as_mut() {
                        p.push('\n');
                    }
                }
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
            Event::Text(_) | Event::GeneralRef(_) if unshown_text || run_hidden => {}
            // White space between elements (a pretty-printed part) is layout of the XML, not
            // text: only a w:t holds text Word shows.
            Event::Text(t) if !in_t && t.as_ref().bytes().all(|b| b.is_ascii_whitespace()) => {}
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
                "r" => {
                    in_run = false;
                    run_hidden = false;
                }
                "delText" | "instrText" => unshown_text = false,
                "t" => in_t = false,
                "pPr" => in_ppr = false,
                "trPr" => in_trpr = false,
                "p" => {
                    let mut p = std::mem::replace(&mut paragraph, outer.pop().flatten())
                        .unwrap_or_default();
                    if !carry.is_empty() {
                        p = std::mem::take(&mut carry) + &p;
                    }
                    if let Some(kind) = tracked.mark.take() {
                        if !tracked.in_paragraph {
                            tracked.note(kind, text.places.len());
                        }
                    }
                    if std::mem::take(&mut mark_deleted) {
                        // Accepted, the deletion of its mark joins it to the next paragraph.
                        carry = p;
                        continue;
                    }
                    if !outer.is_empty() {
                        boxed.push(p);
                        continue;
                    }
                    for p in std::iter::once(p).chain(boxed.drain(..)) {
                        match table.as_mut() {
                            Some(t) if table_depth >= 1 => t.cell.push(p),
                            _ => body_paragraph(text, &p),
                        }
                    }
                }
                "tc" if table_depth == 1 && row_deleted => {
                    carry.clear();
                    if let Some(t) = table.as_mut() {
                        t.column += t.span;
                    }
                }
                "tr" if table_depth == 1 && row_deleted => {
                    if let Some(t) = table.as_mut() {
                        t.cells.clear();
                    }
                }
                "tc" if table_depth == 1 => {
                    if let Some(t) = table.as_mut() {
                        if !carry.is_empty() {
                            t.cell.push(std::mem::take(&mut carry));
                        }
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
                        let mut spans = Vec::new();
                        let l = text.line(place, &format!("\t{first}"));
                        if !first.is_empty() {
                            spans.push(Span::new(l.start + 1, l.end));
                        }
                        for p in paras.iter().skip(1) {
                            spans.push(text.line(place, p));
                        }
                        t.cells.push(Cell {
                            paras: spans,
                            column: t.column,
                            width: t.span,
                            merged_above: t.continued,
                        });
                        t.column += t.span;
                    }
                }
                "tr" if table_depth == 1 => {
                    if let Some(t) = table.as_mut() {
                        let place = Place::Cell {
                            table: t.number,
                            row: t.row,
                            column: t.column,
                        };
                        let cells = std::mem::take(&mut t.cells);
                        let span = cells
                            .iter()
                            .filter_map(Cell::span)
                            .reduce(|a, b| a.cover(b))
                            .unwrap_or(Span::new(text.out.len(), text.out.len()));
                        t.rows.push(Row {
                            span,
                            cells,
                            short: false,
                        });
                        text.line(place, "");
                    }
                }
                "tbl" if framing.pop() == Some(true) => {}
                "tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    if table_depth == 0 {
                        if let Some(t) = table.take() {
                            if !t.rows.is_empty() {
                                text.blocks.push(Block::Table(Table {
                                    span: Span::new(t.start, text.out.len()),
                                    rows: t.rows,
                                    exact_rows: true,
                                }));
                            }
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
        taken += paragraph
            .as_ref()
            .map_or(0, |p| p.len().saturating_sub(held)) as u64;
        if taken > max_size {
            return Err(format!(
                "the Word document's text is larger than the size limit of {} (raise it with --max-size or max-size in planlint.toml)",
                super::size_text(max_size)
            ));
        }
    }
    Ok(())
}

/// A switch of Word's run properties (`<w:vanish/>`, `<w:b w:val="0"/>`) is on unless its
/// value says off.
pub(super) fn switched_on(e: &BytesStart) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false"))
}

pub(super) fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value.into_owned())
}

#[cfg(test)]
mod tests {
    /// A .docx holding only word/document.xml with `body`, cut just before `cut` if given.
    fn docx(body: &str, cut: Option<&str>) -> Vec<u8> {
        let xml = format!("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>{body}</w:body></w:document>");
        let xml = &xml[..cut.and_then(|c| xml.find(c)).unwrap_or(xml.len())];
        crate::testing_support::zip_of(&[("word/document.xml", xml.as_bytes())])
    }

    fn text(body: &str) -> String {
        super::read("plan.docx", &docx(body, None), 1 << 20)
            .unwrap()
            .text
    }

    /// A plan boxed in a one-cell table (pasted from a web page, or framed for layout), its task
    /// table nested inside: the frame is read as the page, the nested table as a table (it was
    /// one cell of flattened lines, whose lead-less row passed silently). A one-cell table inside
    /// a task table's cell stays that cell's text.
    #[test]
    fn a_one_cell_frame_is_read_as_the_page_it_lays_out() {
        let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let table = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell("序号"),
            cell("牵头单位"),
            cell("1.加强监管"),
            cell("县市场监管局")
        );
        let framed = format!(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>一、主要任务</w:t></w:r></w:p>{table}</w:tc></w:tr></w:tbl>"
        );
        let read = "一、主要任务\n\t序号\n\t牵头单位\n\n\t1.加强监管\n\t县市场监管局\n\n";
        assert_eq!(text(&framed), read);
        // A frame in a frame too.
        assert_eq!(
            text(&format!(
                "<w:tbl><w:tr><w:tc>{framed}</w:tc></w:tr></w:tbl>"
            )),
            read
        );
        let inner =
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>县财政局</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        let in_cell = format!(
            "<w:tbl><w:tr>{}<w:tc>{inner}</w:tc></w:tr></w:tbl>",
            cell("1.加强监管")
        );
        assert_eq!(text(&in_cell), "\t1.加强监管\n\t县财政局\n\n");
    }

    /// Issue 21: a list of items set in a table of one column (a row per item, no header) was
    /// a table of no columns to read, and its six tasks were lost (`diff` called the plan fully
    /// covered). One cell per row only lays text out: it is read as paragraphs, as a one-cell
    /// frame is. Two columns are a table.
    #[test]
    fn a_table_of_one_column_is_read_as_its_paragraphs() {
        let row =
            |t: &str| format!("<w:tr><w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc></w:tr>");
        let list = format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row("1.扩大出口。（市商务局牵头）"),
            row("2.扩大进口。"),
            row("3.用好原产地规则。（市贸促会牵头）")
        );
        assert_eq!(
            text(&list),
            "1.扩大出口。（市商务局牵头）\n2.扩大进口。\n3.用好原产地规则。（市贸促会牵头）\n"
        );
        let two = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>扩大出口</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        assert_eq!(text(two), "\t1\n\t扩大出口\n\n\t2\n\n");
    }

    #[test]
    fn only_what_word_shows_is_read() {
        // A deleted run (tracked change), a hidden run and a field code are not text; a run
        // hidden with w:val="0" is shown.
        let body = "<w:p><w:r><w:t>（一）加强监管。（</w:t></w:r><w:del><w:r><w:delText>县公安局</w:delText></w:r></w:del><w:r><w:t>县市场监管局负责）</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏批注</w:t></w:r><w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>完成。</w:t></w:r></w:p>";
        assert_eq!(text(body), "（一）加强监管。（县市场监管局负责）完成。\n");
    }

    /// A run hidden by its character style (word/styles.xml) is no more shown than one hidden
    /// by its own vanish; the run's own w:vanish w:val="0" after the style shows it.
    #[test]
    fn a_run_hidden_by_its_style_is_not_read() {
        let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        let styles = format!("<?xml version=\"1.0\"?><w:styles {ns}><w:style w:type=\"character\" w:styleId=\"Hid\"><w:name w:val=\"Hid\"/><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type=\"character\" w:styleId=\"Shown\"><w:rPr><w:b/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Hid2\"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>");
        let body = "<w:p><w:r><w:t>1.建设数据中心。（</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Hid\"/></w:rPr><w:t>市大数据局牵头，</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Shown\"/></w:rPr><w:t>市财政局配合</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Hid\"/><w:vanish w:val=\"0\"/></w:rPr><w:t>）</w:t></w:r></w:p>";
        let document =
            format!("<?xml version=\"1.0\"?><w:document {ns}><w:body>{body}</w:body></w:document>");
        let bytes = crate::testing_support::zip_of(&[
            ("word/document.xml", document.as_bytes()),
            ("word/styles.xml", styles.as_bytes()),
        ]);
        let src = super::read("plan.docx", &bytes, 1 << 20).unwrap();
        assert_eq!(src.text, "1.建设数据中心。（市财政局配合）\n");
    }

    #[test]
    fn a_text_box_is_read_once_and_its_paragraph_keeps_its_text() {
        let box_ = "<w:p><w:r><w:t>专栏1 重点工程</w:t></w:r></w:p>";
        let body = format!("<w:p><w:r><w:t>（一）加强监管。</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>{box_}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{box_}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>（县市场监管局负责）</w:t></w:r></w:p>");
        assert_eq!(
            text(&body),
            "（一）加强监管。（县市场监管局负责）\n专栏1 重点工程\n"
        );
    }

    /// The box floats beside the paragraph that anchors it, and reads after it: item 2. in a
    /// box anchored in item 1. comes between 1. and 3., so the numbering runs on.
    #[test]
    fn a_text_box_reads_after_its_anchoring_paragraph() {
        let box_ = "<w:p><w:r><w:t>2.完善制度。</w:t></w:r></w:p><w:p><w:r><w:t>（县市场监管局负责）</w:t></w:r></w:p>";
        let body = format!("<w:p><w:r><w:t>1.建设数据中心。</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>{box_}</w:txbxContent></w:drawing></mc:Choice></mc:AlternateContent></w:r><w:r><w:t>（县大数据局负责）</w:t></w:r></w:p><w:p><w:r><w:t>3.加强监管。</w:t></w:r></w:p>");
        assert_eq!(
            text(&body),
            "1.建设数据中心。（县大数据局负责）\n2.完善制度。\n（县市场监管局负责）\n3.加强监管。\n"
        );
    }

    /// Word's automatic numbering is read as Word draws it: before a body paragraph, and in a
    /// task table's 序号 cell that holds nothing else; an old numbering kept by a tracked
    /// property change and a text box's second copy (mc:Fallback) number nothing.
    #[test]
    fn automatic_numbers_are_read_as_word_draws_them() {
        let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";
        let numbering = format!("<w:numbering {ns}><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>");
        let num = |id: u32, level: u32| {
            format!("<w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr></w:pPr>")
        };
        let p = |ppr: &str, t: &str| format!("<w:p>{ppr}<w:r><w:t>{t}</w:t></w:r></w:p>");
        let cell = |ppr: &str, t: &str| format!("<w:tc>{}</w:tc>", p(ppr, t));
        let row = |a: &str, b: &str| format!("<w:tr>{a}{b}</w:tr>");
        let old = "<w:pPr><w:pPrChange w:id=\"1\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:pPrChange></w:pPr>";
        let boxed = format!("<w:r><mc:AlternateContent><mc:Choice><w:txbxContent>{}</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>{}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>", p(&num(1, 1), "专栏"), p(&num(1, 1), "专栏"));
        let body = [
            p(&num(1, 0), "重点任务"),
            format!(
                "<w:p>{}<w:r><w:t>加强监管。</w:t></w:r>{boxed}</w:p>",
                num(1, 1)
            ),
            p(old, "附表"),
            format!(
                "<w:tbl>{}{}{}</w:tbl>",
                row(&cell("", "序号"), &cell("", "牵头单位")),
                row(&cell(&num(2, 0), ""), &cell("", "县财政局")),
                row(&cell(&num(2, 0), ""), &cell("", "县住建局"))
            ),
            p(&num(1, 0), "保障措施"),
        ]
        .concat();
        let document =
            format!("<?xml version=\"1.0\"?><w:document {ns}><w:body>{body}</w:body></w:document>");
        let bytes = crate::testing_support::zip_of(&[
            ("word/document.xml", document.as_bytes()),
            ("word/numbering.xml", numbering.as_bytes()),
        ]);
        let src = super::read("plan.docx", &bytes, 1 << 20).unwrap();
        assert_eq!(
            src.text,
            "一、重点任务\n1.加强监管。\n2.专栏\n附表\n\t序号\n\t牵头单位\n\n\t1\n\t县财政局\n\n\t2\n\t县住建局\n\n二、保障措施\n"
        );
        // Without its numbering part, the document reads as its bare text.
        let bare = crate::testing_support::zip_of(&[("word/document.xml", document.as_bytes())]);
        let src = super::read("plan.docx", &bare, 1 << 20).unwrap();
        assert!(
            src.text.starts_with("重点任务\n加强监管。\n专栏\n"),
            "{}",
            src.text
        );
    }

    #[test]
    fn a_part_cut_inside_a_table_is_an_error() {
        let body = "<w:p><w:r><w:t>一、任务</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        let whole = docx(body, None);
        assert!(super::read("plan.docx", &whole, 1 << 20).is_ok());
        let cut = docx(body, Some("</w:tr>"));
        let err = super::read("plan.docx", &cut, 1 << 20).unwrap_err();
        assert!(err.contains("cut short"), "{err}");
    }
}
