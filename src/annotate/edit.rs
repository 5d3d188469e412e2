//! Comment markup inserted into `word/document.xml` at text positions, splitting runs (and
//! `w:t` elements) where a comment starts or ends inside one, so each comment covers exactly
//! the finding's characters. Only markup is added: no text is moved, changed or removed.

use super::map::{Piece, TextMap};
use std::collections::BTreeMap;

/// A place in the XML where markup can go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// Between runs (or at a paragraph's start): markup goes in as it is.
    Plain(usize),
    /// Between two children of a run: the run is closed and reopened around the markup.
    SplitRun { pos: usize, run: usize },
    /// Inside a `w:t`'s text: the text element and its run are closed and reopened.
    SplitText { pos: usize, run: usize, t: usize },
}

impl Point {
    pub fn pos(self) -> usize {
        match self {
            Point::Plain(p) | Point::SplitRun { pos: p, .. } | Point::SplitText { pos: p, .. } => p,
        }
    }
}

/// Which end of a range a point is for: a start moves forward over text that cannot be split,
/// an end moves back, so the range never takes in characters outside the finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Start,
    End,
}

/// The XML point for a byte offset of the document text.
pub fn point(m: &TextMap, offset: usize, side: Side) -> Option<Point> {
    let pieces = &m.pieces;
    match side {
        Side::Start => {
            let i = pieces.partition_point(|p| p.out.1 <= offset);
            let p = pieces.get(i)?;
            let rel = offset.saturating_sub(p.out.0);
            Some(at_piece(m, i, rel, side))
        }
        Side::End => {
            let i = pieces
                .partition_point(|p| p.out.0 < offset)
                .checked_sub(1)?;
            let p = &pieces[i];
            let rel = offset.min(p.out.1) - p.out.0;
            Some(at_piece(m, i, rel, side))
        }
    }
}

/// The start of a paragraph's content (after its properties).
pub fn paragraph_start(m: &TextMap, offset: usize) -> Option<Point> {
    let i = m.pieces.partition_point(|p| p.out.1 <= offset);
    let para = m.pieces.get(i).or(m.pieces.first())?.para;
    Some(Point::Plain(m.paras[para].content_start))
}

fn at_piece(m: &TextMap, i: usize, rel: usize, side: Side) -> Point {
    let p = &m.pieces[i];
    let Some(r) = p.run else {
        return outside_runs(m, i, side);
    };
    let len = p.out.1 - p.out.0;
    // The XML position: exact inside splittable text, else the piece's nearer inner edge.
    let x = match (rel, side) {
        (0, _) => p.raw.0,
        (k, _) if k >= len => p.raw.1,
        (k, _) if p.split => p.raw.0 + k,
        (_, Side::Start) => p.raw.1,
        (_, Side::End) => p.raw.0,
    };
    // Inside a text element, or at one of its edges (then before or after the element).
    let y = match (p.t, p.child) {
        (Some(t), Some((a, b))) => {
            let (cs, ce) = m.texts[t].content;
            if cs < x && x < ce {
                return Point::SplitText { pos: x, run: r, t };
            }
            if x <= cs {
                a
            } else {
                b
            }
        }
        // Another child (a tab, a break, a field code): before or after it.
        (_, Some((a, b))) => {
            if x == p.raw.0 {
                a
            } else {
                b
            }
        }
        // White space between the run's children.
        _ => x,
    };
    let run = &m.runs[r];
    if y <= run.content_start {
        Point::Plain(run.start)
    } else if y >= run.content_end {
        Point::Plain(run.end)
    } else {
        Point::SplitRun { pos: y, run: r }
    }
}

/// Text outside any run (white space between elements, a tab stop read as a space) gives no
/// safe place of its own: use the nearest run in the same paragraph, on the inner side.
fn outside_runs(m: &TextMap, i: usize, side: Side) -> Point {
    let para = m.pieces[i].para;
    let same = |p: &&Piece| p.para == para && p.run.is_some();
    let found = match side {
        Side::Start => m.pieces[i..]
            .iter()
            .take_while(|p| p.para == para)
            .find(same),
        Side::End => m.pieces[..i]
            .iter()
            .rev()
            .take_while(|p| p.para == para)
            .find(same),
    };
    match found {
        Some(p) => {
            let r = &m.runs[p.run.expect("filtered on runs")];
            Point::Plain(if side == Side::Start { r.start } else { r.end })
        }
        None => Point::Plain(m.paras[para].content_start),
    }
}

/// Markup for one place, in the order it is written there.
#[derive(Debug, Clone)]
pub struct Insert {
    pub point: Point,
    /// Sorting key at this place: a comment ending here before one starting here, except that
    /// a comment starting and ending here starts first.
    pub key: (u8, u32),
    pub xml: String,
}

/// The XML with every insert applied. A split `w:t` gets `xml:space="preserve"` so spaces at
/// the new text edges are kept by every reader.
pub fn apply(xml: &str, m: &TextMap, inserts: &[Insert]) -> String {
    let mut at: BTreeMap<usize, (Point, Vec<&Insert>)> = BTreeMap::new();
    for ins in inserts {
        at.entry(ins.point.pos())
            .or_insert((ins.point, Vec::new()))
            .1
            .push(ins);
    }
    // Attribute additions on split text elements: (position of the tag's `>`, text).
    let mut preserve: BTreeMap<usize, &str> = BTreeMap::new();
    for (point, _) in at.values() {
        if let Point::SplitText { t, .. } = point {
            let te = &m.texts[*t];
            if !te.preserve {
                let close = if xml[..te.tag.1].ends_with("/>") {
                    2
                } else {
                    1
                };
                preserve.insert(te.tag.1 - close, " xml:space=\"preserve\"");
            }
        }
    }
    let mut edits: Vec<(usize, String)> = preserve
        .into_iter()
        .map(|(p, s)| (p, s.to_string()))
        .collect();
    for (pos, (point, mut list)) in at {
        list.sort_by_key(|i| i.key);
        let body: String = list.iter().map(|i| i.xml.as_str()).collect();
        let s = match point {
            Point::Plain(_) => body,
            Point::SplitRun { run, .. } => {
                let r = &m.runs[run];
                format!("</w:r>{body}{}{}", r.start_tag, r.rpr)
            }
            Point::SplitText { run, .. } => {
                let r = &m.runs[run];
                format!(
                    "</w:t></w:r>{body}{}{}<w:t xml:space=\"preserve\">",
                    r.start_tag, r.rpr
                )
            }
        };
        edits.push((pos, s));
    }
    edits.sort_by_key(|e| e.0);
    let mut out = String::with_capacity(xml.len() + edits.iter().map(|e| e.1.len()).sum::<usize>());
    let mut last = 0;
    for (pos, s) in edits {
        out.push_str(&xml[last..pos]);
        out.push_str(&s);
        last = pos;
    }
    out.push_str(&xml[last..]);
    out
}
