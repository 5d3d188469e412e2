//! Task tables exported from Word as text: one cell per line, each cell starting with a tab;
//! lines without a tab continue the cell above (a cell of several paragraphs). A row is its
//! group cells (项目, 内容), the numbered task, then the cells after it in header order
//! (牵头单位, 配合单位, 完成时限). An empty 完成时限 continues the merged cell above within its
//! group.

use super::clause::read_clause;
use super::deadline::read_deadline;
use super::lex::trim;
use super::units::split_units;
use super::{heading_at, is_item_style, new_task, Builder, Line};
use crate::data::RuleData;
use crate::model::{Deadline, Origin, Unit};
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Group,
    Task,
    Lead,
    Partner,
    Deadline,
}

fn role_of(word: &str, data: &RuleData) -> Option<Role> {
    let t = &data.lexicon.table;
    let has = |list: &Vec<String>| list.iter().any(|w| w == word);
    if has(&t.task) {
        Some(Role::Task)
    } else if has(&t.lead) {
        Some(Role::Lead)
    } else if has(&t.partner) {
        Some(Role::Partner)
    } else if has(&t.deadline) {
        Some(Role::Deadline)
    } else if has(&t.group) {
        Some(Role::Group)
    } else {
        None
    }
}

/// The index of the first header line of a tab-separated task table.
pub(crate) fn find(lines: &[Line], data: &RuleData) -> Option<usize> {
    let mut i = 0;
    while i < lines.len() {
        let mut roles = Vec::new();
        let mut j = i;
        while j < lines.len() && lines[j].text.starts_with('\t') {
            match role_of(trim(lines[j].text), data) {
                Some(r) => roles.push(r),
                None => break,
            }
            j += 1;
        }
        if roles.len() >= 3
            && roles.contains(&Role::Task)
            && (roles.contains(&Role::Lead) || roles.contains(&Role::Deadline))
        {
            return Some(i);
        }
        i = j.max(i + 1);
    }
    None
}

/// A cell: the paragraphs it holds (blank ones dropped).
struct Cell {
    paras: Vec<Span>,
}

impl Cell {
    fn is_empty(&self) -> bool {
        self.paras.is_empty()
    }
    fn span(&self) -> Option<Span> {
        Some(self.paras.first()?.cover(*self.paras.last()?))
    }
}

pub(crate) fn parse(b: &mut Builder, lines: &[Line], part: usize) {
    let mut roles = Vec::new();
    let mut k = 0;
    while k < lines.len() && lines[k].text.starts_with('\t') {
        match role_of(trim(lines[k].text), b.data) {
            Some(r) => roles.push(r),
            None => break,
        }
        k += 1;
    }
    let after_task: Vec<Role> = roles
        .iter()
        .skip_while(|r| **r != Role::Task)
        .skip(1)
        .copied()
        .collect();
    let cells = cells(&lines[k..]);
    let part_label = b
        .doc
        .parts
        .get(part)
        .map(|p| p.label.clone())
        .unwrap_or_default();

    let mut stack: Vec<usize> = Vec::new();
    // The deadline a merged cell gives its group, with the start of the task it was written on.
    let mut merged: Option<(Deadline, usize)> = None;
    let mut c = 0;
    while c < cells.len() {
        let cell = &cells[c];
        let first = cell.paras.first().map(|&p| Line {
            span: p,
            text: b.slice(p),
        });
        let heading = first
            .as_ref()
            .and_then(|l| heading_at(l, Origin::Table, part));
        match heading {
            Some((h, title_start)) if is_item_style(h.numbering.style) => {
                let row: Vec<&Cell> = cells[c + 1..].iter().take(after_task.len()).collect();
                let cell_of = |r: Role| {
                    after_task
                        .iter()
                        .position(|x| *x == r)
                        .and_then(|i| row.get(i).copied())
                };
                let text = Span::new(title_start, cell.span().map_or(title_start, |s| s.end));
                let end = row
                    .iter()
                    .filter_map(|x| x.span())
                    .map(|s| s.end)
                    .max()
                    .unwrap_or(text.end);
                let number = format!("{part_label} {}", b.slice(h.numbering.span));
                let mut t = new_task(
                    Origin::Table,
                    Span::new(h.numbering.span.start, end.max(text.end)),
                    text,
                    stack.last().copied(),
                    number,
                );
                t.item_number = Some(h.numbering.clone());
                t.condition = b.under_condition_heading(stack.last().copied());
                if let Some(lead) = cell_of(Role::Lead) {
                    let (leads, partners) = units_of(b, lead);
                    t.leads = leads;
                    t.partners = partners;
                    t.clause = lead.span();
                }
                if let Some(p) = cell_of(Role::Partner) {
                    t.partners.extend(units_of(b, p).0);
                }
                match cell_of(Role::Deadline).filter(|d| !d.is_empty()) {
                    Some(d) => {
                        let dl = deadline_of(b, d);
                        merged = Some((dl.clone(), t.span.start));
                        t.not_applicable = dl.when.not_applicable;
                        t.deadline = Some(dl);
                    }
                    None => {
                        if let Some((d, from)) = &merged {
                            let mut d = d.clone();
                            d.inherited_from = Some(from.to_string());
                            t.deadline = Some(d);
                        }
                    }
                }
                b.doc.tasks.push(t);
                c += 1 + row.len();
            }
            _ => {
                // A group cell (项目/内容): a new group ends the merged deadline above.
                let mut seen = String::new();
                for &p in &cell.paras {
                    let line = Line {
                        span: p,
                        text: b.slice(p),
                    };
                    if let Some((h, _)) = heading_at(&line, Origin::Table, part) {
                        let title = trim(line.text).to_string();
                        if title != seen {
                            b.push_heading(&mut stack, h);
                            merged = None;
                            seen = title;
                        }
                    }
                }
                c += 1;
            }
        }
    }
}

/// Groups the lines into cells: a tab starts one, other lines continue it.
fn cells(lines: &[Line]) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::new();
    for l in lines {
        let starts = l.text.starts_with('\t');
        let content = if starts { &l.text[1..] } else { l.text };
        let t = trim(content);
        let para = (!t.is_empty()).then(|| Span::of(l.text, t).shift(l.span.start));
        if starts || out.is_empty() {
            out.push(Cell {
                paras: para.into_iter().collect(),
            });
        } else if let (Some(last), Some(p)) = (out.last_mut(), para) {
            last.paras.push(p);
        }
    }
    out
}

/// Lead units of a cell: a clause when the cell has one (A牵头，B配合), else a plain list.
fn units_of(b: &Builder, cell: &Cell) -> (Vec<Unit>, Vec<Unit>) {
    let mut leads = Vec::new();
    let mut partners = Vec::new();
    for &p in &cell.paras {
        let text = b.slice(p);
        match read_clause(text, p.start, &b.data.lexicon) {
            Some(r) => {
                leads.extend(r.leads);
                partners.extend(r.partners);
            }
            None => leads.extend(split_units(text, p.start, &b.data.lexicon)),
        }
    }
    (leads, partners)
}

/// A deadline cell of one or more paragraphs, read as one text (`2020年7月底` + `完成并长期坚持`).
fn deadline_of(b: &Builder, cell: &Cell) -> Deadline {
    let joined: String = cell.paras.iter().map(|&p| b.slice(p)).collect();
    let mut d = read_deadline(&joined, 0, &b.data.lexicon);
    let map = |off: usize| {
        let mut acc = 0;
        for &p in &cell.paras {
            if off <= acc + p.len() {
                return p.start + (off - acc);
            }
            acc += p.len();
        }
        cell.paras.last().map_or(0, |p| p.end)
    };
    d.leftover = d.leftover.map(|l| Span::new(map(l.start), map(l.end)));
    d.span = cell.span().unwrap_or_default();
    d
}
