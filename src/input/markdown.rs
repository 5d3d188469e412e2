//! Markdown (and text converted from PDF into Markdown): pipe tables, and paragraphs without
//! their decoration.
//!
//! ```text
//! pipe_row   := ">"* "|" cell ("|" cell)* "|"  a table row, also inside a quote; blank lines
//!                                            between rows are allowed
//! rule_row   := "|" ("-"|":"|" ")+ ("|" …)   the header rule (also repeated at PDF page breaks)
//! bare_table := row rule rows                rows without outer pipes (`a | b`), known by the
//!                                            rule row (`---|---`) under the first
//! html_table := "<table" … "</table>"        pandoc's form for merged cells ([`super::html_table`])
//! heading    := "#"{1,6} " " text            read as its text
//! quote      := "> " text                    read as its text
//! bold_line  := "**" text "**"               read as its text
//! bold_title := ("*" | "**" | "***" | "_" …) title the same marker text
//!                                              read from the title on (`**2.…**正文`, `*（二）*…` keep their numbers)
//! comment    := "<!--" … "-->"               not text (planlint-disable comments are read by
//!                                            the suppression step, from the source text)
//! ```
//! Everything else is read as plain text ([`super::text`]), tab tables included.

use crate::blocks::{Block, Cell, Row, Table};
use crate::data::Lexicon;
use crate::lex::{is_space, trim};
use crate::source::{lines, Span};

/// True when the text reads as Markdown: a table (pipe rows with their rule row, a bare rule
/// row, an HTML table), or `#` headings.
pub fn looks_like_markdown(text: &str) -> bool {
    let mut rows = 0;
    let mut rule = false;
    let mut headings = 0;
    for (_, l) in lines(text) {
        let t = l.trim_start_matches(is_space);
        if is_bare_rule(t) || is_html_open(t) {
            return true;
        }
        if t.starts_with('|') {
            rows += 1;
            rule |= is_rule_row(t);
        } else if heading_marks(t).is_some() {
            headings += 1;
        }
        if (rows >= 2 && rule) || headings >= 2 {
            return true;
        }
    }
    false
}

pub fn read(text: &str, lex: &Lexicon) -> Vec<Block> {
    let all: Vec<(Span, &str)> = lines(text).map(|(s, l)| unquoted(s, l)).collect();
    let closes = html_closes(&all);
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        if let Some(end) = table_end(&all, &closes, i) {
            let table = if is_html_open(all[i].1) {
                let span = all[i].0.cover(all[end - 1].0);
                text.get(span.start..span.end)
                    .and_then(|html| super::html_table::read(html, span.start))
            } else {
                pipe_table(&all[i..end])
            };
            if let Some(t) = table {
                out.push(Block::Table(t));
            }
            i = end;
        } else {
            let end = (i..all.len())
                .find(|&k| table_end(&all, &closes, k).is_some())
                .unwrap_or(all.len());
            out.extend(super::text::read_lines(
                text,
                all[i..end].iter().copied(),
                lex,
                &undecorated,
            ));
            i = end;
        }
    }
    out
}

/// A line without the quote markers (`> > `) before it: a table inside a quote is a table.
/// Other lines are kept whole (a quoted paragraph loses its `>` as decoration).
fn unquoted(span: Span, line: &str) -> (Span, &str) {
    let t = line.trim_start_matches(|c: char| c == '>' || is_space(c));
    if t.len() < line.len()
        && line.trim_start_matches(is_space).starts_with('>')
        && t.starts_with('|')
    {
        (Span::new(span.end - t.len(), span.end), t)
    } else {
        (span, line)
    }
}

/// The end (exclusive) of the table starting at line `i`, if one does.
fn table_end(all: &[(Span, &str)], closes: &[Option<usize>], i: usize) -> Option<usize> {
    let l = all[i].1;
    if is_pipe_row(l) {
        return Some(pipe_run_end(all, i));
    }
    if is_html_open(l) {
        return closes.get(i).copied().flatten().map(|k| k + 1);
    }
    if l.contains('|') && !is_bare_rule(l) && all.get(i + 1).is_some_and(|n| is_bare_rule(n.1)) {
        let rows = all[i..]
            .iter()
            .take_while(|(_, t)| t.contains('|') && !trim(t).is_empty());
        return Some(i + rows.count());
    }
    None
}

fn is_html_open(line: &str) -> bool {
    let t = line.trim_start_matches(is_space).as_bytes();
    t.len() >= 6 && t[..6].eq_ignore_ascii_case(b"<table")
}

/// For each line, the last line of an HTML table opening on it: the first line at or after it
/// that holds `</table>`, unless another `<table` opens first. A table left unclosed (a copy
/// cut short, a missing `</table>`) ends where CommonMark ends an HTML block, at the next blank
/// line (or the next table, or the end): its rows are read, not its markup as text. Computed
/// once, from the end, so an unclosed `<table>` on every line is not searched for again and
/// again.
fn html_closes(all: &[(Span, &str)]) -> Vec<Option<usize>> {
    let mut out = vec![None; all.len()];
    let (mut close, mut open, mut blank) = (None, None, None);
    for k in (0..all.len()).rev() {
        if all[k].1.to_ascii_lowercase().contains("</table>") {
            close = Some(k);
        }
        if trim(all[k].1).is_empty() {
            blank = Some(k);
        }
        out[k] = match (close, open) {
            (Some(c), Some(o)) if c < o => Some(c),
            (Some(c), None) => Some(c),
            _ => {
                let stop = blank.into_iter().chain(open).min().unwrap_or(all.len());
                stop.checked_sub(1).filter(|&e| e >= k)
            }
        };
        if is_html_open(all[k].1) {
            open = Some(k);
        }
    }
    out
}

fn is_pipe_row(line: &str) -> bool {
    line.trim_start_matches(is_space).starts_with('|')
}

fn is_rule_row(line: &str) -> bool {
    let t = trim(line);
    t.starts_with('|')
        && t.contains('-')
        && t.chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\u{3000}'))
}

/// A header rule without outer pipes: `---|---`, `:--- | ---:`.
fn is_bare_rule(line: &str) -> bool {
    let t = trim(line);
    t.contains('|')
        && t.contains('-')
        && t.chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\u{3000}'))
}

/// Pipe rows run on across blank lines while another pipe row follows.
fn pipe_run_end(all: &[(Span, &str)], start: usize) -> usize {
    let mut end = start + 1;
    let mut k = start + 1;
    while k < all.len() {
        let l = all[k].1;
        if is_pipe_row(l) {
            end = k + 1;
        } else if !trim(l).is_empty() {
            break;
        }
        k += 1;
    }
    end
}

fn pipe_table(lines: &[(Span, &str)]) -> Option<Table> {
    let mut rows = Vec::new();
    for &(span, l) in lines {
        if trim(l).is_empty() || is_rule_row(l) || is_bare_rule(l) {
            continue;
        }
        let cells = split_row(span, l);
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let row_span = cells
            .iter()
            .filter_map(Cell::span)
            .reduce(|a, b| a.cover(b))
            .unwrap_or(span);
        rows.push(Row {
            span: row_span,
            cells,
            short: false,
        });
    }
    if rows.is_empty() {
        return None;
    }
    Some(Table {
        span: lines[0].0.cover(lines[lines.len() - 1].0),
        rows,
        exact_rows: true,
    })
}

/// The cells of `| a | b |` (or of `a | b`), trimmed, with their spans; an empty cell holds
/// no paragraph.
fn split_row(span: Span, t: &str) -> Vec<Cell> {
    let inner = trim(t);
    let outer = inner.starts_with('|');
    let mut out = Vec::new();
    let mut start = if outer {
        None
    } else {
        Some(Span::of(t, inner).start)
    };
    let end = Span::of(t, inner).end;
    for (i, c) in t.char_indices() {
        if c == '|' {
            if let Some(s) = start {
                out.push(cell(span, t, s, i, out.len()));
            }
            start = Some(i + 1);
        }
    }
    // A bare row's last cell has no pipe after it.
    if let Some(s) = start.filter(|_| !inner.ends_with('|')) {
        out.push(cell(span, t, s, end, out.len()));
    }
    out
}

fn cell(span: Span, t: &str, from: usize, to: usize, column: usize) -> Cell {
    let text = trim(&t[from..to]);
    let paras = if text.is_empty() {
        Vec::new()
    } else {
        vec![Span::of(t, text).shift(span.start)]
    };
    Cell::new(paras, column)
}

/// The number of `#` of a heading line, if it is one.
fn heading_marks(t: &str) -> Option<usize> {
    let hashes = t.len() - t.trim_start_matches('#').len();
    ((1..=6).contains(&hashes) && t[hashes..].starts_with(' ')).then_some(hashes)
}

/// A paragraph line without its Markdown decoration; comment lines are dropped.
fn undecorated(span: Span, text: &str) -> Option<Span> {
    if text.starts_with("<!--") && text.ends_with("-->") {
        return None;
    }
    let mut start = 0;
    let mut end = text.len();
    if let Some(h) = heading_marks(text) {
        start = text.len() - text[h..].trim_start().len();
    } else if let Some(rest) = text.strip_prefix("> ") {
        start = text.len() - rest.trim_start().len();
    }
    let inner = &text[start..end];
    if inner.len() > 4 && inner.starts_with("**") && inner.ends_with("**") {
        start += 2;
        end -= 2;
    } else {
        // An emphasised title before the text (`**2.加强监管。**正文`, `*（二）*强化…`,
        // `***三、***…`): read from the title, so an item number opens the line. A marker
        // before a space opens a list item, not emphasis.
        let marker = inner.chars().next().filter(|&c| c == '*' || c == '_');
        if let Some(m) = marker {
            let run = inner.len() - inner.trim_start_matches(m).len();
            let after = &inner[run..];
            if run <= 3 && !after.starts_with(' ') && after.contains(&inner[..run]) {
                start += run;
            }
        }
    }
    let inner = trim(&text[start..end]);
    let s = Span::of(text, inner);
    Some(s.shift(span.start))
}
