//! Plain text: one paragraph per line, and the two shapes tables take when Word or a web page
//! is saved as text.
//!
//! ```text
//! paragraph  := a line with text and no tab (indentation 　/spaces trimmed)
//! tab_row    := cell ("\t" cell)+          one row per line (HTML tables copied or exported);
//!                                          merged cells appear only in their first row, so a
//!                                          later row may have fewer cells (marked `short`)
//! cell_line  := "\t" text                  Word "save as text": one cell per line, a row ends
//!                                          with an empty line; lines without a tab continue the
//!                                          cell above (a cell of several paragraphs)
//! ```
//! A Word export's rows are found from its header: the header names the columns, and every row
//! is anchored on its numbered cell (序号, or the task cell starting `1.`), because exports drop
//! empty cells and repeat headings at page breaks, so counting cells or blank lines drifts.
//! Blank lines never matter otherwise.

use crate::blocks::{Block, Cell, Paragraph, Row, Table};
use crate::data::{ColumnRole, Lexicon};
use crate::heading::{read_number, Quantity};
use crate::lex::{is_part_marker, is_space, trim};
use crate::source::{lines, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    /// Starts with a tab: a cell of a Word text export.
    CellLine,
    /// Holds a tab between texts: a row of a table copied one row per line.
    TabRow,
    Text,
}

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    span: Span,
    text: &'a str,
    kind: Kind,
}

fn classify(text: &str) -> Kind {
    if text.starts_with('\t') {
        Kind::CellLine
    } else if text.chars().all(|c| c != '\t' && is_space(c)) {
        Kind::Blank
    } else if text.split('\t').filter(|c| !trim(c).is_empty()).count() >= 2 {
        Kind::TabRow
    } else {
        Kind::Text
    }
}

/// Reads plain text into blocks.
pub fn read(text: &str, lex: &Lexicon) -> Vec<Block> {
    read_lines(text, lines(text), lex, &|span, _| Some(span))
}

/// What a reader keeps of a paragraph line: its span without decoration, or nothing.
pub type Decoration<'f> = &'f dyn Fn(Span, &str) -> Option<Span>;

/// Reads lines (spans into `text`) into blocks; `keep` strips a format's decoration from a
/// paragraph (Markdown's `#`, `**`) or drops the line.
pub fn read_lines<'a>(
    text: &'a str,
    lines: impl Iterator<Item = (Span, &'a str)>,
    lex: &Lexicon,
    keep: Decoration,
) -> Vec<Block> {
    // A run of blank lines means no more than three of them do (spacing, then a row or
    // paragraph end): the rest are left out, so megabytes of empty lines cost nothing.
    let mut blanks = 0usize;
    let all: Vec<Line> = lines
        .map(|(span, t)| Line {
            span,
            text: t,
            kind: classify(t),
        })
        .filter(|l| {
            blanks = if l.kind == Kind::Blank { blanks + 1 } else { 0 };
            blanks <= 3
        })
        .collect();
    let all = without_spacing(all);
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let line = all[i];
        match line.kind {
            Kind::Blank => i += 1,
            Kind::CellLine => match word_export_end(&all, i, lex) {
                Some(end) => {
                    out.push(Block::Table(word_export(text, &all[i..end], lex)));
                    i = end;
                }
                None => {
                    paragraph(&mut out, line, keep);
                    i += 1;
                }
            },
            Kind::TabRow => match tab_rows_end(&all, i, lex) {
                Some(end) => {
                    out.push(Block::Table(tab_rows(&all[i..end])));
                    i = end;
                }
                None => {
                    paragraph(&mut out, line, keep);
                    i += 1;
                }
            },
            Kind::Text => match bare_cells_end(text, &all, i, lex) {
                Some((end, width, anchor)) => {
                    out.push(Block::Table(bare_cells(
                        text,
                        &all[i..end],
                        width,
                        anchor,
                        lex,
                    )));
                    i = end;
                }
                None => {
                    paragraph(&mut out, line, keep);
                    i += 1;
                }
            },
        }
    }
    out
}

/// Text copied from web pages or Word often puts a blank line after every line. In such a
/// double-spaced text the blank line right after each line is spacing, not structure, and is
/// left out; blank lines beyond it keep their meaning (a row end in a Word export).
fn without_spacing(all: Vec<Line>) -> Vec<Line> {
    let texts = all.iter().filter(|l| l.kind != Kind::Blank).count();
    let spaced = all
        .windows(2)
        .filter(|w| w[0].kind != Kind::Blank && w[1].kind == Kind::Blank)
        .count();
    if texts < 4 || spaced * 10 < texts.saturating_sub(1) * 9 {
        return all;
    }
    let mut out = Vec::with_capacity(all.len());
    for (k, l) in all.iter().enumerate() {
        let after_text = k > 0 && all[k - 1].kind != Kind::Blank;
        if !(l.kind == Kind::Blank && after_text) {
            out.push(*l);
        }
    }
    out
}

/// A line's text as a paragraph, its indentation and trailing spaces left out.
fn paragraph(out: &mut Vec<Block>, line: Line, keep: Decoration) {
    let t = trim(line.text);
    if t.is_empty() {
        return;
    }
    let span = Span::of(line.text, t).shift(line.span.start);
    if let Some(span) = keep(span, t) {
        if !span.is_empty() {
            out.push(Block::Paragraph(Paragraph { span }));
        }
    }
}

/// Where a Word export table starting at `start` ends: after the last cell line before the
/// next 附件 marker (or the end), plus the lines that directly continue that last cell. None
/// when there are too few cell lines to be a table (an indented line is not a table).
fn word_export_end(all: &[Line], start: usize, lex: &Lexicon) -> Option<usize> {
    let mut last_cell = start;
    let mut cells = 0;
    for (k, l) in all.iter().enumerate().skip(start) {
        match l.kind {
            Kind::CellLine => {
                last_cell = k;
                cells += 1;
            }
            Kind::Text if is_part_marker(l.text, lex) => break,
            _ => {}
        }
    }
    if cells < 4 {
        return None;
    }
    let mut end = last_cell + 1;
    while end < all.len() && matches!(all[end].kind, Kind::Text | Kind::TabRow) {
        if is_part_marker(all[end].text, lex) {
            break;
        }
        end += 1;
    }
    Some(end)
}

/// A table written one cell per line without tabs (copied from a web page or a PDF): a header
/// of at least three lines that each name a column, the first 序号, then rows that each open
/// with the next number (1, 2, 3 …) and hold at most as many cells as the header. Returns the
/// end, the width and the number column.
fn bare_cells_end(
    text: &str,
    all: &[Line],
    start: usize,
    lex: &Lexicon,
) -> Option<(usize, usize, usize)> {
    // The header opens with the number column's own word (序号), so a heading above it
    // (三、任务清单) is never taken for a column.
    if !lex.table.number.iter().any(|w| w == trim(all[start].text)) {
        return None;
    }
    let mut roles = Vec::new();
    let mut k = start;
    while k < all.len() && all[k].kind == Kind::Text {
        let t = trim(all[k].text);
        match lex.table.role_of(t) {
            Some(r) if t.chars().count() <= 10 => roles.push(r),
            _ => break,
        }
        k += 1;
    }
    let width = roles.len();
    let anchor = roles.iter().position(|r| *r == ColumnRole::Number)?;
    if width < 3
        || !roles
            .iter()
            .any(|r| matches!(r, ColumnRole::Lead | ColumnRole::Task))
    {
        return None;
    }
    let q = Quantity::of(lex);
    let (mut expected, mut in_row, mut end) = (1u32, 0usize, k);
    while k < all.len() {
        let l = all[k];
        match l.kind {
            Kind::Blank => {}
            // A group row spanning the table (（一）构建…) before or between numbered rows.
            Kind::Text if is_group_line(l.text, &q) => {
                in_row = width;
                end = k + 1;
            }
            Kind::Text if trim(l.text).parse::<u32>().ok() == Some(expected) => {
                expected += 1;
                in_row = 1;
                end = k + 1;
            }
            Kind::Text if expected > 1 && in_row < width - anchor => {
                if is_part_marker(l.text, lex) {
                    break;
                }
                in_row += 1;
                end = k + 1;
            }
            _ => break,
        }
        k += 1;
    }
    let _ = text;
    (expected > 2).then_some((end, width, anchor))
}

/// A line numbered as a section (一、 or （一）): in a table written one cell per line, a row
/// naming the group of the numbered rows below it.
fn is_group_line(text: &str, q: &Quantity) -> bool {
    read_number(trim(text), 0, q).is_some_and(|(n, _)| {
        matches!(
            n.style,
            crate::model::NumberStyle::Chapter | crate::model::NumberStyle::Section
        )
    })
}

/// The cells of the table, one per line; group rows (（一）构建…) name the rows below them and
/// hold no task, so they are left out of the cells.
fn bare_cells(text: &str, lines: &[Line], width: usize, anchor: usize, lex: &Lexicon) -> Table {
    let text_of = |s: Span| text.get(s.start..s.end).unwrap_or("");
    let q = Quantity::of(lex);
    let cells: Vec<Vec<Span>> = lines
        .iter()
        .filter(|l| l.kind != Kind::Blank && !is_group_line(l.text, &q))
        .map(|l| {
            let t = trim(l.text);
            vec![Span::of(l.text, t).shift(l.span.start)]
        })
        .collect();
    let base = lines.first().map_or(0, |l| l.span.start);
    Table {
        span: Span::new(base, lines.last().map_or(base, |l| l.span.end)),
        rows: anchored_rows(&cells, width, anchor, &text_of, &Quantity::of(lex)),
        exact_rows: false,
    }
}

/// The cells of a Word export: each cell line starts one; other non-blank lines continue it.
fn export_cells(lines: &[Line]) -> Vec<Vec<Span>> {
    let mut cells: Vec<Vec<Span>> = Vec::new();
    for l in lines {
        let (starts, content) = match l.text.strip_prefix('\t') {
            Some(rest) => (true, rest),
            None => (false, l.text),
        };
        let t = trim(content);
        let para = (!t.is_empty()).then(|| Span::of(l.text, t).shift(l.span.start));
        if starts || cells.is_empty() {
            cells.push(para.into_iter().collect());
        } else if let (Some(last), Some(p)) = (cells.last_mut(), para) {
            last.push(p);
        }
    }
    cells
}

fn word_export(text: &str, lines: &[Line], lex: &Lexicon) -> Table {
    let base = lines.first().map_or(0, |l| l.span.start);
    let text_of = |s: Span| text.get(s.start..s.end).unwrap_or("");
    let cells = export_cells(lines);
    // The header: the leading cells that name columns.
    let mut roles = Vec::new();
    for c in &cells {
        let words: String = c.iter().map(|&p| text_of(p)).collect();
        match lex.table.role_of(&words) {
            Some(r) if !c.is_empty() => roles.push(r),
            _ => break,
        }
    }
    let span = Span::new(base, lines.last().map_or(base, |l| l.span.end));
    let anchor = roles
        .iter()
        .position(|r| *r == ColumnRole::Number)
        .or_else(|| roles.iter().position(|r| *r == ColumnRole::Task));
    let rows = match anchor {
        Some(a) if roles.len() >= 2 => {
            anchored_rows(&cells, roles.len(), a, &text_of, &Quantity::of(lex))
        }
        _ => blank_separated_rows(lines),
    };
    Table {
        span,
        rows,
        exact_rows: false,
    }
}

/// Rows anchored on the numbered cell of column `anchor` in a table of `width` columns: the
/// cells before it are the row's group cells (as many as there are, right-aligned), the cells
/// after it fill the remaining columns, up to the next numbered cell.
fn anchored_rows<'a>(
    cells: &[Vec<Span>],
    width: usize,
    anchor: usize,
    text_of: &dyn Fn(Span) -> &'a str,
    q: &Quantity,
) -> Vec<Row> {
    let is_anchor = |c: &Vec<Span>| c.first().is_some_and(|&p| starts_numbered(text_of(p), q));
    let mut rows = vec![header_row(&cells[..width.min(cells.len())])];
    let mut pending: Vec<&Vec<Span>> = Vec::new();
    let mut k = width.min(cells.len());
    while k < cells.len() {
        let c = &cells[k];
        if !is_anchor(c) {
            pending.push(c);
            k += 1;
            continue;
        }
        let mut row_cells = Vec::new();
        // Group cells right-aligned before the anchor; surplus ones (page-break repeats)
        // share column 0.
        let n = pending.len();
        for (j, p) in pending.drain(..).enumerate() {
            let col = (anchor + j).saturating_sub(n);
            row_cells.push(Cell::new(p.clone(), col));
        }
        let short = n < anchor;
        row_cells.push(Cell::new(c.clone(), anchor));
        let mut col = anchor + 1;
        k += 1;
        while col < width && k < cells.len() && !is_anchor(&cells[k]) {
            row_cells.push(Cell::new(cells[k].clone(), col));
            col += 1;
            k += 1;
        }
        rows.push(make_row(row_cells, short));
    }
    if pending.iter().any(|c| !c.is_empty()) {
        let cells = pending
            .into_iter()
            .enumerate()
            .map(|(j, p)| Cell::new(p.clone(), j.min(width.saturating_sub(1))))
            .collect();
        rows.push(make_row(cells, false));
    }
    rows.retain(|r| !r.cells.is_empty());
    rows
}

/// True for a cell opening with an item number: `1`, `1.`, `１．`, `1、`, `（1）`.
fn starts_numbered(t: &str, q: &Quantity) -> bool {
    let t = trim(t);
    let digits: usize = t
        .chars()
        .take_while(|c| crate::lex::is_digit(*c))
        .map(char::len_utf8)
        .sum();
    if digits > 0 {
        let rest = &t[digits..];
        return t[..digits].chars().count() <= 3
            && (rest.is_empty() || read_number(t, 0, q).is_some());
    }
    read_number(t, 0, q).is_some_and(|(n, _)| {
        matches!(
            n.style,
            crate::model::NumberStyle::Item | crate::model::NumberStyle::SubItem
        )
    })
}

fn header_row(cells: &[Vec<Span>]) -> Row {
    make_row(
        cells
            .iter()
            .enumerate()
            .map(|(j, c)| Cell::new(c.clone(), j))
            .collect(),
        false,
    )
}

fn make_row(cells: Vec<Cell>, short: bool) -> Row {
    let span = cells
        .iter()
        .filter_map(Cell::span)
        .reduce(|a, b| a.cover(b))
        .unwrap_or_default();
    Row { span, cells, short }
}

/// Rows of an export whose header names no columns: groups of cell lines between blank lines.
fn blank_separated_rows(lines: &[Line]) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut group: Vec<Line> = Vec::new();
    let flush = |group: &mut Vec<Line>, rows: &mut Vec<Row>| {
        if !group.is_empty() {
            let cells = export_cells(group)
                .into_iter()
                .enumerate()
                .map(|(j, c)| Cell::new(c, j))
                .collect();
            rows.push(make_row(cells, false));
            group.clear();
        }
    };
    for l in lines {
        if l.kind == Kind::Blank {
            flush(&mut group, &mut rows);
        } else {
            group.push(*l);
        }
    }
    flush(&mut group, &mut rows);
    rows
}

/// Where a table of one row per line starting at `start` ends. Lines of one text between rows
/// are section rows (一、知识产权保护方面) when more rows follow. None for a lone line.
fn tab_rows_end(all: &[Line], start: usize, lex: &Lexicon) -> Option<usize> {
    let mut end = start + 1;
    let mut rows = 1;
    let mut k = start + 1;
    while k < all.len() {
        match all[k].kind {
            // A header row (序号	工作事项	牵头单位…) starts the next table.
            Kind::TabRow if is_header_row(all[k].text, lex) => break,
            Kind::TabRow => {
                rows += 1;
                end = k + 1;
            }
            // An attachment's title (附件2 …任务分工表) ends the table before it.
            Kind::Text if opens_attachment(all[k].text, lex) => break,
            Kind::Blank | Kind::Text => {
                // A section row only when another row follows within a few lines.
                let next = all[k..].iter().take(4).position(|l| l.kind == Kind::TabRow);
                if next.is_none() {
                    break;
                }
            }
            // A row whose first cell is empty: `\t总分\t100`.
            Kind::CellLine if all[k].text[1..].contains('\t') => {
                rows += 1;
                end = k + 1;
            }
            Kind::CellLine => break,
        }
        k += 1;
    }
    (rows >= 2).then_some(end)
}

/// A tab row of three or more cells that each name a column (序号, 牵头单位, 完成时限…).
fn is_header_row(text: &str, lex: &Lexicon) -> bool {
    // Every row of a table is tried: a data row fails at its first cell (1, a task's words).
    let mut named = 0;
    for c in text.split('\t').map(trim).filter(|c| !c.is_empty()) {
        if c.chars().count() > 12 || lex.table.role_of(c).is_none() {
            return false;
        }
        named += 1;
    }
    named >= 3
}

/// A line opening an attachment: 附件, 附件2, then its title or nothing (附件2 …分工表).
fn opens_attachment(text: &str, lex: &Lexicon) -> bool {
    let t = trim(text);
    lex.outline.part_markers.iter().any(|m| {
        t.strip_prefix(m.as_str()).is_some_and(|rest| {
            let rest = rest.trim_start_matches(|c: char| {
                crate::lex::is_digit(c) || crate::lex::is_chinese_numeral(c)
            });
            rest.is_empty() || rest.starts_with(|c: char| is_space(c) || "：:".contains(c))
        })
    })
}

fn tab_rows(lines: &[Line]) -> Table {
    let mut rows = Vec::new();
    let mut widest = 0;
    for l in lines {
        if l.kind == Kind::Blank {
            continue;
        }
        let mut cells = Vec::new();
        for (j, piece) in l.text.split('\t').enumerate() {
            let t = trim(piece);
            let paras = if t.is_empty() {
                Vec::new()
            } else {
                vec![Span::of(l.text, t).shift(l.span.start)]
            };
            cells.push(Cell::new(paras, j));
        }
        if l.kind == Kind::Text {
            // A section row spans the table.
            if let Some(c) = cells.first_mut() {
                c.width = usize::MAX;
            }
        }
        if l.kind == Kind::TabRow && widest == 0 {
            // The first row (the header, as a rule) sets the width: a wider row holds cells of
            // a merged column the header names once (考核项目 over group and department).
            widest = cells.len();
        }
        rows.push(make_row(cells, false));
    }
    for r in &mut rows {
        let spanning = r.cells.len() == 1 && r.cells[0].width == usize::MAX;
        if spanning {
            r.cells[0].width = widest.max(1);
        } else if r.cells.len() < widest && !r.cells.is_empty() {
            // Merged cells of the rows above were left out: this row's cells are the rightmost.
            let shift = widest - r.cells.len();
            for c in &mut r.cells {
                c.column += shift;
            }
            r.short = true;
        }
    }
    let span = Span::new(
        lines.first().map_or(0, |l| l.span.start),
        lines.last().map_or(0, |l| l.span.end),
    );
    Table {
        span,
        rows,
        exact_rows: true,
    }
}
