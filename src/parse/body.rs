//! Running text: outline headings, and tasks closed by responsibility clauses.
//!
//! A block is a heading with the lines under it up to the next heading. Each responsibility
//! clause in a block closes one task; a block with no clause is a task without a lead only when
//! its sibling blocks carry clauses (so a plan's 指导思想 or a work stage is no task).

use super::clause::{read_clause, Responsibility};
use super::lex::{bracket_groups, is_space, trim};
use super::{heading_at, new_task, Builder, Line};
use crate::model::{Origin, Task};
use crate::source::{is_cjk, Span};

struct Block {
    heading: Option<usize>,
    /// Where the block's text starts: after the heading number.
    text_start: usize,
    start: usize,
    end: usize,
    lines: Vec<Span>,
}

struct Found {
    span: Span,
    resp: Responsibility,
}

pub(crate) fn parse(b: &mut Builder, lines: &[Line], part: usize) {
    let mut stack = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    for line in lines {
        if line.is_blank() {
            continue;
        }
        if let Some((h, title_start)) = heading_at(line, Origin::Body, part) {
            let idx = b.push_heading(&mut stack, h);
            let rest = Span::new(title_start, line.span.end);
            blocks.push(Block {
                heading: Some(idx),
                text_start: title_start,
                start: line.span.start,
                end: line.span.end,
                lines: vec![rest],
            });
            continue;
        }
        match blocks.last_mut() {
            Some(block) => {
                block.end = line.span.end;
                block.lines.push(line.span);
            }
            None => blocks.push(Block {
                heading: None,
                text_start: line.span.start,
                start: line.span.start,
                end: line.span.end,
                lines: vec![line.span],
            }),
        }
    }
    let clauses: Vec<Vec<Found>> = blocks.iter().map(|bl| clauses_in(b, bl)).collect();
    let parents: Vec<bool> = blocks
        .iter()
        .map(|bl| {
            bl.heading
                .is_some_and(|h| b.doc.headings.iter().any(|x| x.parent == Some(h)))
        })
        .collect();
    for (k, block) in blocks.iter().enumerate() {
        let Some(h) = block.heading else { continue };
        if b.under_condition_heading(Some(h)) {
            continue;
        }
        if !clauses[k].is_empty() {
            tasks_from_clauses(b, block, &clauses[k]);
        } else if !parents[k]
            && has_text(b, block)
            && siblings_carry_clauses(b, &blocks, &clauses, &parents, k)
        {
            let label = b.heading_label(Some(h));
            let span = Span::new(block.start, block.end);
            let text = Span::new(block.text_start, block.end);
            b.doc
                .tasks
                .push(new_task(Origin::Body, span, text, Some(h), label));
        }
    }
}

/// Responsibility clauses of a block, in text order.
fn clauses_in(b: &Builder, block: &Block) -> Vec<Found> {
    let mut out = Vec::new();
    for &ls in &block.lines {
        let line = b.slice(ls);
        for g in bracket_groups(line) {
            let group = &line[g.start..g.end];
            let open = group.chars().next().map_or(0, char::len_utf8);
            let close = group.chars().next_back().map_or(0, char::len_utf8);
            if group.len() < open + close {
                continue;
            }
            let inner = &group[open..group.len() - close];
            if let Some(resp) = read_clause(inner, ls.start + g.start + open, &b.data.lexicon) {
                out.push(Found {
                    span: g.shift(ls.start),
                    resp,
                });
            }
        }
    }
    out
}

/// One task per clause: the text since the previous clause, then the clause.
fn tasks_from_clauses(b: &mut Builder, block: &Block, found: &[Found]) {
    let label = b.heading_label(block.heading);
    let mut cursor = block.text_start;
    let many = found.len() > 1;
    for (n, f) in found.iter().enumerate() {
        let text_start = skip_breaks(b.text, cursor, f.span.start);
        let text_end = trim_end_at(b.text, text_start, f.span.start);
        cursor = f.span.end;
        if text_end <= text_start {
            continue;
        }
        // The first task of a block starts at its heading number, so its line is the heading's.
        let span_start = if n == 0 { block.start } else { text_start };
        let number = if many {
            format!("{label}#{}", n + 1)
        } else {
            label.clone()
        };
        let mut t: Task = new_task(
            Origin::Body,
            Span::new(span_start, f.span.end),
            Span::new(text_start, text_end),
            block.heading,
            number,
        );
        t.leads = f.resp.leads.clone();
        t.partners = f.resp.partners.clone();
        t.empty_partner_list = f.resp.empty_partner_list;
        t.clause = Some(f.span);
        t.deadline = body_deadline(b, Span::new(text_start, text_end));
        b.doc.tasks.push(t);
    }
}

/// The first date in a task's statement is its deadline.
fn body_deadline(b: &Builder, text: Span) -> Option<crate::model::Deadline> {
    let s = b.slice(text);
    let (span, _) = *super::deadline::find_dates(s).first()?;
    let abs = span.shift(text.start);
    let mut d = super::deadline::read_deadline(b.slice(abs), abs.start, &b.data.lexicon);
    d.leftover = None;
    Some(d)
}

/// Moves `from` past separators and line breaks left by a previous clause.
fn skip_breaks(text: &str, mut from: usize, limit: usize) -> usize {
    while from < limit {
        match text[from..].chars().next() {
            Some(c) if is_space(c) || "。；;，,、\r\n".contains(c) => from += c.len_utf8(),
            _ => break,
        }
    }
    from
}

fn trim_end_at(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        match text[..end].chars().next_back() {
            Some(c) if is_space(c) || c == '\r' || c == '\n' => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

fn has_text(b: &Builder, block: &Block) -> bool {
    let n: usize = block
        .lines
        .iter()
        .map(|&l| b.slice(l).chars().filter(|&c| is_cjk(c)).count())
        .sum();
    n >= 8 && !trim(b.slice(Span::new(block.text_start, block.end))).is_empty()
}

/// A clause-less leaf is a task when tasks are written at its level: some block of its numbering
/// style in this part closes with a clause, and at least half of its siblings (same parent, same
/// style) carry clauses, a parent sibling through the blocks under it. So 001's
/// （二）强化标准实施 is a task beside （一）'s numbered tasks, while 003's 一、指导思想 is not,
/// because no 一、 block of 003 closes with a clause.
fn siblings_carry_clauses(
    b: &Builder,
    blocks: &[Block],
    clauses: &[Vec<Found>],
    _parents: &[bool],
    k: usize,
) -> bool {
    let Some(h) = blocks[k].heading else {
        return false;
    };
    let me = &b.doc.headings[h];
    let style_has_clauses = blocks.iter().zip(clauses).any(|(bl, c)| {
        !c.is_empty()
            && bl
                .heading
                .is_some_and(|o| b.doc.headings[o].numbering.style == me.numbering.style)
    });
    if !style_has_clauses {
        return false;
    }
    let carries = |o: usize| {
        blocks.iter().zip(clauses).any(|(bl, c)| {
            !c.is_empty()
                && bl
                    .heading
                    .is_some_and(|x| x == o || b.doc.heading_path(Some(x)).contains(&o))
        })
    };
    let (mut siblings, mut with) = (0, 0);
    for (j, bl) in blocks.iter().enumerate() {
        let Some(o) = bl.heading else { continue };
        let other = &b.doc.headings[o];
        if j == k || other.parent != me.parent || other.numbering.style != me.numbering.style {
            continue;
        }
        siblings += 1;
        if carries(o) {
            with += 1;
        }
    }
    with > 0 && with * 2 >= siblings
}
