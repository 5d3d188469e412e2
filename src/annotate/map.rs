//! Where each character of a Word document's text stands in `word/document.xml`.
//!
//! The walk lays the text out exactly as [`crate::input::docx`] does (paragraphs are lines,
//! table cells are tab-started lines, a blank line ends a row, merged cells are empty) and
//! remembers, for every stretch of it, the XML bytes it came from and the run (`w:r`) and run
//! child (`w:t`, `w:tab`…) holding them. The caller checks that the text equals the reader's,
//! so a finding's byte span maps to XML positions exactly or the document is refused.

use crate::input::word_numbering::Numbering;
use quick_xml::events::Event;
use quick_xml::Reader;

/// A `w:r` element.
#[derive(Debug, Clone, Default)]
pub struct Run {
    /// Where `<w:r` starts and where `</w:r>` ends.
    pub start: usize,
    pub end: usize,
    /// The raw start tag and run properties, to open the second half of a split run alike.
    pub start_tag: String,
    pub rpr: String,
    /// Where the run's content starts (after its properties) and ends (before `</w:r>`).
    pub content_start: usize,
    pub content_end: usize,
}

/// A `w:t` element: where its start tag is, and its content.
#[derive(Debug, Clone, Default)]
pub struct TextElement {
    pub tag: (usize, usize),
    pub content: (usize, usize),
    pub preserve: bool,
}

/// A stretch of the text and its XML.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Byte range in the document text.
    pub out: (usize, usize),
    /// Byte range in the XML; `split` when they correspond byte for byte (text inside `w:t`
    /// without escapes or line-end changes), so a position inside maps to one inside.
    pub raw: (usize, usize),
    pub split: bool,
    pub para: usize,
    /// The run, the run's child element (byte range), and the `w:t` holding the piece.
    pub run: Option<usize>,
    pub child: Option<(usize, usize)>,
    pub t: Option<usize>,
}

/// A `w:p` element: where content may be inserted at its start.
#[derive(Debug, Clone, Copy)]
pub struct Para {
    pub content_start: usize,
}

#[derive(Debug, Default)]
pub struct TextMap {
    pub text: String,
    pub pieces: Vec<Piece>,
    pub runs: Vec<Run>,
    pub texts: Vec<TextElement>,
    pub paras: Vec<Para>,
}

/// A paragraph's text while it is read, with the pieces it is made of (ranges in `text`).
#[derive(Debug, Default, Clone)]
struct ParaText {
    text: String,
    index: usize,
    segs: Vec<Seg>,
}

#[derive(Debug, Clone)]
struct Seg {
    at: (usize, usize),
    raw: (usize, usize),
    split: bool,
    run: Option<usize>,
    child: Option<(usize, usize)>,
    t: Option<usize>,
}

/// An element being read: its local name and where it started.
struct Open {
    local: String,
    start: usize,
}

/// Where the walk is inside the run holding the text.
#[derive(Default)]
struct RunState {
    /// Index into `runs`, and the depth of the run element in the stack.
    run: Option<(usize, usize)>,
    /// The run's child being read (start position), and the `w:t` being read.
    child: Option<usize>,
    t: Option<usize>,
}

/// `numbering`: the document's numbering definitions, whose labels the reader writes before
/// numbered paragraphs (text with no XML of its own: a comment starting on one starts at the
/// paragraph's first run).
pub fn build(xml: &str, numbering: &Numbering) -> Result<TextMap, String> {
    let mut m = TextMap::default();
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Open> = Vec::new();
    // The runs being read, innermost last (a text box puts runs inside a run).
    let mut runs: Vec<RunState> = Vec::new();
    let mut para: Option<ParaText> = None;
    let mut table_depth = 0usize;
    // Tables that only frame what they hold are read as the page, as the reader reads them.
    let survey = crate::input::docx::survey(xml.as_bytes(), numbering);
    let mut framing: Vec<bool> = Vec::new();
    // The paragraphs of the cell being read, and whether it continues the cell above.
    let mut table: Option<(Vec<ParaText>, bool)> = None;
    let no_run = RunState::default();
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| format!("word/document.xml is malformed: {e}"))?;
        let after = reader.buffer_position() as usize;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let local = e.local_name().as_ref().to_string();
                let qname = e.name().as_ref().to_string();
                let depth = stack.len();
                if let Some(rs) = runs.last_mut() {
                    let (_, d) = rs.run.expect("a run state has its run");
                    if depth == d + 1 {
                        rs.child = Some(before);
                        if qname == "w:rPr" {
                            rs.child = None;
                        }
                        if qname == "w:t" {
                            m.texts.push(TextElement {
                                tag: (before, after),
                                content: (after, after),
                                preserve: e.attributes().flatten().any(|a| {
                                    a.key.as_ref() == "xml:space" && a.value.as_ref() == "preserve"
                                }),
                            });
                            rs.t = Some(m.texts.len() - 1);
                        }
                    }
                }
                match local.as_str() {
                    "tbl" if table_depth == 0 && survey.frames.contains(&(after as u64)) => {
                        framing.push(true);
                    }
                    "tbl" => {
                        framing.push(false);
                        table_depth += 1;
                        if table_depth == 1 {
                            table = Some((Vec::new(), false));
                        }
                    }
                    "tc" if table_depth == 1 => {
                        if let Some(t) = table.as_mut() {
                            *t = (Vec::new(), false);
                        }
                    }
                    "p" => {
                        m.paras.push(Para {
                            content_start: after,
                        });
                        let mut p = ParaText {
                            index: m.paras.len() - 1,
                            ..ParaText::default()
                        };
                        if let Some(label) = survey.labels.get(&(after as u64)) {
                            push(&mut p, label, (after, after), false, None, None, None);
                        }
                        para = Some(p);
                    }
                    _ => {}
                }
                if qname == "w:r" {
                    m.runs.push(Run {
                        start: before,
                        start_tag: xml[before..after].to_string(),
                        content_start: after,
                        ..Run::default()
                    });
                    runs.push(RunState {
                        run: Some((m.runs.len() - 1, depth)),
                        child: None,
                        t: None,
                    });
                }
                stack.push(Open {
                    local,
                    start: before,
                });
            }
            Event::Empty(e) => {
                let local = e.local_name().as_ref().to_string();
                let rs = runs.last().unwrap_or(&no_run);
                let in_run_child = rs.run.is_some_and(|(_, d)| stack.len() == d + 1);
                let child = in_run_child.then_some((before, after));
                match local.as_str() {
                    "tab" | "br" | "cr" => {
                        if let Some(p) = para.as_mut() {
                            // Like the reader: a manual line break outside tables ends a line;
                            // tabs, and breaks in cells, are spaces.
                            let brk = local != "tab" && table_depth == 0;
                            let run = rs.run.map(|(r, _)| r);
                            let s = if brk { "\n" } else { " " };
                            push(p, s, (before, after), false, run, child, None);
                        }
                    }
                    "vMerge" if table_depth == 1 => {
                        let restart = e.attributes().flatten().any(|a| {
                            a.key.local_name().as_ref() == "val" && a.value.as_ref() == "restart"
                        });
                        if let Some(t) = table.as_mut() {
                            t.1 = !restart;
                        }
                    }
                    _ => {}
                }
                if e.name().as_ref() == "w:rPr" && in_run_child {
                    if let Some((r, _)) = rs.run {
                        m.runs[r].rpr = xml[before..after].to_string();
                        m.runs[r].content_start = after;
                    }
                }
                if local == "pPr" && stack.last().is_some_and(|o| o.local == "p") {
                    if let Some(p) = &para {
                        m.paras[p.index].content_start = after;
                    }
                }
            }
            // Like the reader: white space between elements is no text.
            Event::Text(t)
                if runs.last().unwrap_or(&no_run).t.is_none()
                    && t.as_ref().bytes().all(|b| b.is_ascii_whitespace()) => {}
            Event::Text(t) => {
                let rs = runs.last().unwrap_or(&no_run);
                if let Some(p) = para.as_mut() {
                    let decoded = t.xml10_content();
                    let raw = &xml[before..after];
                    let split = rs.t.is_some() && decoded == raw;
                    let run = rs.run.map(|(r, _)| r);
                    let child = rs.child.map(|c| (c, usize::MAX));
                    push(p, &decoded, (before, after), split, run, child, rs.t);
                }
            }
            Event::GeneralRef(r) => {
                let rs = runs.last().unwrap_or(&no_run);
                if let Some(p) = para.as_mut() {
                    let name = r.clone().into_inner();
                    let s = if let Ok(Some(c)) = r.resolve_char_ref() {
                        Some(c.to_string())
                    } else {
                        quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
                    };
                    if let Some(s) = s {
                        let run = rs.run.map(|(r, _)| r);
                        let child = rs.child.map(|c| (c, usize::MAX));
                        push(p, &s, (before, after), false, run, child, rs.t);
                    }
                }
            }
            Event::End(e) => {
                let open = stack.pop();
                let local = e.local_name().as_ref().to_string();
                let qname = e.name().as_ref().to_string();
                if let Some((r, d)) = runs.last().and_then(|rs| rs.run) {
                    let rs = runs.last_mut().expect("a run is open");
                    if stack.len() == d + 1 {
                        // A child of the run ends: close the child range of its pieces.
                        if let Some(c) = rs.child.take() {
                            if let Some(p) = para.as_mut() {
                                for s in p.segs.iter_mut().rev() {
                                    match s.child {
                                        Some((start, usize::MAX)) if start == c => {
                                            s.child = Some((c, after))
                                        }
                                        _ => break,
                                    }
                                }
                            }
                        }
                        if qname == "w:t" {
                            if let Some(t) = rs.t.take() {
                                m.texts[t].content.1 = before;
                            }
                        }
                        if qname == "w:rPr" {
                            let start = open.as_ref().map_or(before, |o| o.start);
                            m.runs[r].rpr = xml[start..after].to_string();
                            m.runs[r].content_start = after;
                        }
                    }
                    if stack.len() == d && qname == "w:r" {
                        m.runs[r].content_end = before;
                        m.runs[r].end = after;
                        runs.pop();
                    }
                }
                if local == "pPr" && stack.last().is_some_and(|o| o.local == "p") {
                    if let Some(p) = &para {
                        m.paras[p.index].content_start = after;
                    }
                }
                match local.as_str() {
                    "p" => {
                        let p = para.take().unwrap_or_default();
                        match table.as_mut() {
                            Some(t) if table_depth >= 1 => t.0.push(p),
                            _ => {
                                // Line by line, as the reader writes a paragraph.
                                let mut from = 0;
                                for line in p.text.split('\n') {
                                    if !line.trim().is_empty() {
                                        emit(&mut m, &p, from, from + line.trim_end().len());
                                        m.text.push('\n');
                                    }
                                    from += line.len() + 1;
                                }
                            }
                        }
                    }
                    "tc" if table_depth == 1 => {
                        if let Some((cell, continued)) = table.as_mut() {
                            let mut paras: Vec<&ParaText> =
                                cell.iter().filter(|p| !p.text.trim().is_empty()).collect();
                            if *continued {
                                paras.clear();
                            }
                            m.text.push('\t');
                            for (k, p) in paras.iter().enumerate() {
                                if k > 0 {
                                    m.text.push('\n');
                                }
                                let lead = p.text.len() - p.text.trim_start().len();
                                emit(&mut m, p, lead, lead + p.text.trim().len());
                            }
                            m.text.push('\n');
                        }
                    }
                    "tr" if table_depth == 1 => m.text.push('\n'),
                    "tbl" if framing.pop() == Some(true) => {}
                    "tbl" => {
                        table_depth = table_depth.saturating_sub(1);
                        if table_depth == 0 {
                            table = None;
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Ok(m)
}

/// Appends a piece of a paragraph's text.
fn push(
    p: &mut ParaText,
    s: &str,
    raw: (usize, usize),
    split: bool,
    run: Option<usize>,
    child: Option<(usize, usize)>,
    t: Option<usize>,
) {
    if s.is_empty() {
        return;
    }
    let at = (p.text.len(), p.text.len() + s.len());
    p.text.push_str(s);
    p.segs.push(Seg {
        at,
        raw,
        split,
        run,
        child,
        t,
    });
}

/// Writes `p.text[a..b]` to the document text, keeping the pieces that fall in it.
fn emit(m: &mut TextMap, p: &ParaText, a: usize, b: usize) {
    let base = m.text.len();
    m.text.push_str(&p.text[a..b]);
    for s in &p.segs {
        let (x, y) = (s.at.0.max(a), s.at.1.min(b));
        if x >= y {
            continue;
        }
        let raw = if s.split {
            (s.raw.0 + (x - s.at.0), s.raw.0 + (y - s.at.0))
        } else {
            s.raw
        };
        m.pieces.push(Piece {
            out: (base + x - a, base + y - a),
            raw,
            split: s.split,
            para: p.index,
            run: s.run,
            child: s.child.filter(|c| c.1 != usize::MAX),
            t: s.t,
        });
    }
}
