//! Markdown (and text converted from PDF into Markdown): pipe tables, and paragraphs without
//! their decoration.
//!
//! ```text
//! pipe_row   := "|" cell ("|" cell)* "|"     a table row; blank lines between rows are allowed
//! rule_row   := "|" ("-"|":"|" ")+ ("|" …)   the header rule (also repeated at PDF page breaks)
//! heading    := "#"{1,6} " " text            read as its text
//! quote      := "> " text                    read as its text
//! bold_line  := "**" text "**"               read as its text
//! comment    := "<!--" … "-->"               not text (planlint-disable comments are read by
//!                                            the suppression step, from the source text)
//! ```
//! Everything else is read as plain text ([`super::text`]), tab tables included.

use crate::blocks::{Block, Cell, Row, Table};
use crate::data::Lexicon;
use crate::parse::lex::{is_space, trim};
use crate::source::{lines, Span};

/// True when the text reads as Markdown: a pipe table with its rule row, or `#` headings.
pub fn looks_like_markdown(text: &str) -> bool {
    let mut rows = 0;
    let mut rule = false;
    let mut headings = 0;
    for (_, l) in lines(text) {
        let t = l.trim_start_matches(is_space);
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
    let all: Vec<(Span, &str)> = lines(text).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        if is_pipe_row(all[i].1) {
            let end = pipe_run_end(&all, i);
            if let Some(t) = pipe_table(&all[i..end]) {
                out.push(Block::Table(t));
            }
            i = end;
        } else {
            let end = (i..all.len())
                .find(|&k| is_pipe_row(all[k].1))
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
        if trim(l).is_empty() || is_rule_row(l) {
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

/// The cells of `| a | b |`, trimmed, with their spans; an empty cell holds no paragraph.
fn split_row(span: Span, t: &str) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in t.char_indices() {
        if c == '|' {
            if let Some(s) = start {
                let cell = trim(&t[s..i]);
                let paras = if cell.is_empty() {
                    Vec::new()
                } else {
                    vec![Span::of(t, cell).shift(span.start)]
                };
                out.push(Cell::new(paras, out.len()));
            }
            start = Some(i + 1);
        }
    }
    out
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
    }
    let inner = trim(&text[start..end]);
    let s = Span::of(text, inner);
    Some(s.shift(span.start))
}
