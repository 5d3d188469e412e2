//! Running text: outline headings, and tasks closed by responsibility clauses.
//!
//! A block is a heading with the lines under it up to the next heading. Each responsibility
//! clause in a block closes one task; a block with no clause is a task without a lead only when
//! its sibling blocks carry clauses (so a plan's 指导思想 or a work stage is no task).

use super::clause::{read_clause, Responsibility};
use super::lex::{bracket_groups, is_space, trim};
use super::{heading_at, new_task, Builder, Line};
use crate::model::{NumberStyle, Origin, Task};
use crate::source::{is_cjk, Span};
use std::collections::{HashMap, HashSet};

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
    let levels = Levels::new(b, &blocks, &clauses);
    for (k, block) in blocks.iter().enumerate() {
        let Some(h) = block.heading else { continue };
        if b.under_condition_heading(Some(h)) {
            continue;
        }
        if !clauses[k].is_empty() {
            tasks_from_clauses(b, block, &clauses[k]);
        } else if !levels.has_children.contains(&h)
            && has_text(b, block)
            && levels.siblings_carry_clauses(b, h)
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
    let (span, _) = super::deadline::first_date(s)?;
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
/// because no 一、 block of 003 closes with a clause. Counted once per part, in linear time, so
/// a plan with thousands of sibling headings costs no more per heading than a short one.
struct Levels {
    has_children: HashSet<usize>,
    styles_with_clauses: HashSet<NumberStyle>,
    /// Per heading: a block under it (or its own) closes with a clause.
    carries: HashSet<usize>,
    /// Per (parent, style): blocks of that level, and how many of them carry clauses.
    groups: HashMap<(Option<usize>, NumberStyle), (usize, usize)>,
}

impl Levels {
    fn new(b: &Builder, blocks: &[Block], clauses: &[Vec<Found>]) -> Levels {
        let headings = &b.doc.headings;
        // This part's headings are the last ones pushed: from its first block's heading on.
        // Looking only at them keeps a plan of many parts (附件) linear.
        let base = blocks
            .iter()
            .filter_map(|bl| bl.heading)
            .min()
            .unwrap_or(headings.len());
        let mut has_children = HashSet::new();
        for h in &headings[base..] {
            if let Some(p) = h.parent {
                has_children.insert(p);
            }
        }
        let mut styles_with_clauses = HashSet::new();
        let mut carries = HashSet::new();
        for (bl, c) in blocks.iter().zip(clauses) {
            if let (Some(h), false) = (bl.heading, c.is_empty()) {
                styles_with_clauses.insert(headings[h].numbering.style);
                // From the heading up to the root (heading_path runs root first).
                for x in b.doc.heading_path(Some(h)).into_iter().rev() {
                    if !carries.insert(x) {
                        break; // its ancestors are marked already
                    }
                }
            }
        }
        let mut groups: HashMap<(Option<usize>, NumberStyle), (usize, usize)> = HashMap::new();
        for bl in blocks {
            let Some(o) = bl.heading else { continue };
            let g = groups
                .entry((headings[o].parent, headings[o].numbering.style))
                .or_default();
            g.0 += 1;
            g.1 += usize::from(carries.contains(&o));
        }
        Levels {
            has_children,
            styles_with_clauses,
            carries,
            groups,
        }
    }

    fn siblings_carry_clauses(&self, b: &Builder, h: usize) -> bool {
        let me = &b.doc.headings[h];
        if !self.styles_with_clauses.contains(&me.numbering.style) {
            return false;
        }
        let (all, with_all) = self
            .groups
            .get(&(me.parent, me.numbering.style))
            .copied()
            .unwrap_or_default();
        // The leaf itself is not its own sibling.
        let siblings = all.saturating_sub(1);
        let with = with_all - usize::from(self.carries.contains(&h)).min(with_all);
        with > 0 && with * 2 >= siblings
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn a_clause_less_leaf_among_siblings_with_clauses_is_a_task() {
        // The plan opens on its first chapter (no preamble), and the leaf's siblings come both
        // before and after it: every sibling must count, whatever order they are seen in.
        let plan = "一、源头治理\n（一）治理土壤污染。开展土壤污染修复与治理。（市环境保护局负责）\n（二）防治面源污染。加快推进禁产区域划定工作。\n（三）监测农产品。强化地产食用农畜产品质量监测。（市农牧业局负责）\n（四）监测粮食。组织开展粮食质量调查和品质测报。（市粮食局负责）\n二、风险防控\n（一）建设监测网点。强化食源性疾病监测网点建设。（市卫生健康委负责）\n（二）加强风险监测。完善进出口食品安全风险预警机制。\n";
        let f = findings_of(plan, "missing-lead");
        assert_eq!(f.iter().map(|x| x.0).collect::<Vec<_>>(), [3, 8], "{f:?}");
    }
}
