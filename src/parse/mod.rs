//! Parsing blocks into the task model: parts, outline, tasks (running text and tables),
//! targets, facts.
//!
//! The parser never fails: whatever it cannot read it leaves out of the model and counts in
//! the document's census, and the rules report what is missing (`no-tasks`, `unread-clause`).

mod body;
pub(crate) use body::speaks_of_itself;
pub mod clause;
pub mod deadline;
mod facts;
pub use crate::heading;
pub use crate::lex;
mod members;
mod run_in;
mod schedule;
mod subject;
mod table;
pub mod target;
pub mod units;

use crate::blocks::Block;
use crate::data::RuleData;
use crate::model::{Document, Heading, NumberStyle, Numbering, Origin, Part, Task};
use crate::source::{SourceFile, Span};

/// Parses the blocks of a source.
pub fn parse_blocks(src: &SourceFile, blocks: &[Block], data: &RuleData) -> Document {
    let split = split_run_on_items(&src.text, blocks, data);
    let blocks: &[Block] = split.as_deref().unwrap_or(blocks);
    let mut b = Builder {
        text: &src.text,
        data,
        doc: Document::default(),
        inherit: Vec::new(),
        tables: 0,
    };
    let c = crate::blocks::census(blocks);
    b.doc.census.paragraphs = c.paragraphs;
    b.doc.census.tables = c.tables;
    b.doc.census.table_rows = c.rows;
    (b.doc.first_listed_lead, b.doc.before_comma_lead) = lead_conventions(&src.text, data);
    let outlines: Vec<body::PartOutline> = split_parts(&mut b, blocks)
        .into_iter()
        .enumerate()
        .map(|(part, range)| body::read(&mut b, &blocks[range], part))
        .collect();
    let assigns = body::assigns(&b, &outlines);
    for o in &outlines {
        body::tasks(&mut b, o, assigns);
    }
    b.doc.member_lists = members::read(&src.text, blocks, data);
    b.finish(blocks)
}

/// Paragraphs a copy ran together (a PDF's lost line break): `（二十四）…（责任单位：A）（二十五）…`
/// is two items. A paragraph opening on an item number is cut where, right after a
/// responsibility clause, the next number of the same style begins (and again for the one
/// after). Items run on without a clause between them (`1.…；2.…（责任单位：A）`) share the
/// clause that closes them and stay one paragraph. None when no paragraph is cut, the common
/// case.
fn split_run_on_items(text: &str, blocks: &[Block], data: &RuleData) -> Option<Vec<Block>> {
    let q = heading::Quantity::of(&data.lexicon);
    let mut out: Option<Vec<Block>> = None;
    for (k, block) in blocks.iter().enumerate() {
        let Block::Paragraph(p) = block else {
            if let Some(o) = &mut out {
                o.push(block.clone());
            }
            continue;
        };
        let mut cuts = Vec::new();
        if let Some((first, _)) =
            heading::read_number(&text[p.span.start..p.span.end], p.span.start, &q)
        {
            let mut want = first.value + 1;
            let mut from = first.span.end;
            while let Some(at) = next_item_at(text, from, p.span.end, first.style, want, &q, data) {
                cuts.push(at);
                from = at + 1;
                want += 1;
            }
        }
        if cuts.is_empty() {
            if let Some(o) = &mut out {
                o.push(block.clone());
            }
            continue;
        }
        let o = out.get_or_insert_with(|| blocks[..k].to_vec());
        let mut start = p.span.start;
        for at in cuts {
            o.push(Block::Paragraph(crate::blocks::Paragraph {
                span: Span::new(start, at),
            }));
            start = at;
        }
        o.push(Block::Paragraph(crate::blocks::Paragraph {
            span: Span::new(start, p.span.end),
        }));
    }
    out
}

/// Where, in `text[from..end]`, an item numbered `want` in `style` starts right after a
/// bracket group that is a responsibility clause.
fn next_item_at(
    text: &str,
    from: usize,
    end: usize,
    style: crate::model::NumberStyle,
    want: u32,
    q: &heading::Quantity,
    data: &RuleData,
) -> Option<usize> {
    let para = text.get(from..end)?;
    for g in lex::bracket_groups(para) {
        let at = from + g.end;
        let Some((n, _)) = heading::read_number(&text[at..end], at, q) else {
            continue;
        };
        if n.style != style || n.value != want || n.malformed || n.span.start != at {
            continue;
        }
        let inner = lex::bracket_inner(&para[g.start..g.end]).unwrap_or("");
        if clause::read_clause(inner, 0, &data.lexicon).is_some() {
            return Some(at);
        }
    }
    None
}

/// Where the document first declares each lead convention, in one pass over its lead nouns:
/// the first listed leads (列第一位者为牵头单位), and the units before the comma lead
/// (逗号前面的为牵头单位).
fn lead_conventions(text: &str, data: &RuleData) -> (Option<Span>, Option<Span>) {
    let (mut first, mut comma) = (None, None);
    let Some(ac) = data.lexicon.clause.first_listed_automaton.as_ref() else {
        return (first, comma);
    };
    let c = &data.lexicon.clause;
    for m in ac.find_iter(text) {
        let at = |marks| clause::convention_before(text, m.start(), m.end(), marks, &data.lexicon);
        first = first.or_else(|| at(&c.first_listed_ordinals));
        comma = comma.or_else(|| at(&c.before_comma_marks));
        if first.is_some() && comma.is_some() {
            break;
        }
    }
    (first, comma)
}

/// Splits the blocks into parts at 附件 markers; records the parts in the document.
fn split_parts(b: &mut Builder, blocks: &[Block]) -> Vec<std::ops::Range<usize>> {
    let mut starts = vec![0];
    for (i, block) in blocks.iter().enumerate() {
        if let Block::Paragraph(p) = block {
            if i > 0 && crate::lex::is_part_marker(b.slice(p.span), &b.data.lexicon) {
                starts.push(i);
            }
        }
    }
    let mut parts = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(blocks.len());
        let label = if k == 0 {
            crate::model::BODY_PART.to_string()
        } else {
            lex::trim(b.slice(blocks[s].span())).to_string()
        };
        let span = match (blocks[s..e].first(), blocks[s..e].last()) {
            (Some(a), Some(z)) => a.span().cover(z.span()),
            _ => Span::default(),
        };
        b.doc.parts.push(Part { span, label });
        parts.push(s..e);
    }
    parts
}

/// Collects the model while the parts are read.
pub(crate) struct Builder<'a> {
    pub text: &'a str,
    pub data: &'a RuleData,
    pub doc: Document,
    /// Table tasks whose deadline continues a merged cell: (task start, source task start).
    pub inherit: Vec<(usize, usize)>,
    /// Tables read so far (numbers the tables tasks come from).
    pub tables: usize,
}

impl Builder<'_> {
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Adds a heading under the nearest open heading of a higher rank in `stack`.
    pub fn push_heading(&mut self, stack: &mut Vec<usize>, mut h: Heading) -> usize {
        while let Some(&top) = stack.last() {
            if self.doc.headings[top].numbering.style.rank() >= h.numbering.style.rank() {
                stack.pop();
            } else {
                break;
            }
        }
        h.parent = stack.last().copied();
        if h.numbering.style == NumberStyle::Section && h.numbering.value == 0 {
            // `()` with its numeral lost: the number its place gives it, one past the section
            // before it under the same parent, else the first.
            h.numbering.value = self
                .doc
                .headings
                .iter()
                .rev()
                .take_while(|x| {
                    x.parent == h.parent || x.numbering.style.rank() > h.numbering.style.rank()
                })
                .find(|x| x.parent == h.parent && x.numbering.style == NumberStyle::Section)
                .map_or(1, |x| x.numbering.value + 1);
        }
        let idx = self.doc.headings.len();
        self.doc.headings.push(h);
        stack.push(idx);
        idx
    }

    /// The outline path of a heading, e.g. `三、（二）1.`.
    pub fn heading_label(&self, heading: Option<usize>) -> String {
        self.doc
            .heading_path(heading)
            .into_iter()
            .map(|h| self.slice(self.doc.headings[h].numbering.span).to_string())
            .collect()
    }

    /// True when an item under this heading states a condition (否决项), not work to do.
    pub fn under_condition_heading(&self, heading: Option<usize>) -> bool {
        let words = &self.data.lexicon.outline.condition_headings;
        self.doc.heading_path(heading).iter().any(|&h| {
            words
                .iter()
                .any(|w| self.slice(self.doc.headings[h].title).contains(w.as_str()))
        })
    }

    fn finish(mut self, blocks: &[Block]) -> Document {
        let order: Vec<usize> = {
            let mut o: Vec<usize> = (0..self.doc.tasks.len()).collect();
            o.sort_by_key(|&k| (self.doc.tasks[k].span.start, k));
            o
        };
        let mut tasks: Vec<Task> = Vec::with_capacity(order.len());
        for k in order {
            tasks.push(std::mem::replace(
                &mut self.doc.tasks[k],
                new_task(
                    Origin::Body,
                    Span::default(),
                    Span::default(),
                    None,
                    String::new(),
                ),
            ));
        }
        self.doc.tasks = tasks;
        for (i, t) in self.doc.tasks.iter_mut().enumerate() {
            t.id = format!("T{}", i + 1);
            if let Some(table) = t
                .table
                .and_then(|k| self.doc.tables.get_mut(k.checked_sub(1)?))
            {
                table.tasks += 1;
            }
        }
        self.link_inherited_deadlines();
        self.doc.census.headings = self.doc.headings.len();
        self.doc.facts = facts::read(self.text, blocks, self.data);
        self.find_targets(blocks);
        let year = self.doc.facts.year.map(|y| y.0);
        target::mark_status(&mut self.doc.targets, self.text, year, &self.data.metrics);
        self.doc.schedule = schedule::read(self.text, blocks, &self.doc, self.data);
        self.read_time_facts();
        self.doc
    }

    /// What the rules on deadlines and leads read of every plan: durations, each task's
    /// yearly dates and whether its leads are all catch-alls, and which stretches between
    /// headings name a date.
    fn read_time_facts(&mut self) {
        let text = self.text;
        self.doc.durations = deadline::find_durations(text);
        let lex = &self.data.lexicon;
        for t in &mut self.doc.tasks {
            let statement = text.get(t.text.start..t.text.end).unwrap_or("");
            t.recurring = deadline::find_recurring(statement)
                .into_iter()
                .map(|(s, every)| (s.shift(t.text.start), every))
                .collect();
            t.vague_leads =
                !t.leads.is_empty() && t.leads.iter().all(|u| units::is_vague(&u.name, lex));
        }
        let mut starts: Vec<usize> = self.doc.headings.iter().map(|h| h.line.start).collect();
        starts.push(0);
        starts.sort_unstable();
        starts.dedup();
        self.doc.dated_blocks = starts
            .iter()
            .zip(starts.iter().skip(1).chain([&text.len()]))
            .map(|(&a, &b)| Span::new(a, b))
            .filter(|b| deadline::first_date(&text[b.start..b.end]).is_some())
            .collect();
    }

    /// Table deadlines inherited from a merged cell name the task they come from.
    fn link_inherited_deadlines(&mut self) {
        let by_start: std::collections::HashMap<usize, usize> = self
            .doc
            .tasks
            .iter()
            .enumerate()
            .map(|(k, t)| (t.span.start, k))
            .rev() // the first task starting at an offset wins
            .collect();
        for &(task_start, from_start) in &self.inherit {
            let (Some(&k), Some(&from)) = (by_start.get(&task_start), by_start.get(&from_start))
            else {
                continue;
            };
            if let Some(d) = &mut self.doc.tasks[k].deadline {
                d.inherited_from = Some(from);
            }
        }
    }

    /// Targets anywhere in the text, tied to the task whose statement holds them.
    fn find_targets(&mut self, blocks: &[Block]) {
        let words = target::Words::new(&self.data.metrics, &self.data.lexicon.deadline.periodic);
        let mut targets = Vec::new();
        let scan = |span: Span, targets: &mut Vec<crate::model::Target>| {
            let text = self.text.get(span.start..span.end).unwrap_or("");
            targets.extend(target::find_targets(text, span.start, &words));
        };
        for block in blocks {
            match block {
                Block::Paragraph(p) => scan(p.span, &mut targets),
                Block::Table(t) => {
                    for row in &t.rows {
                        for cell in &row.cells {
                            for &p in &cell.paras {
                                scan(p, &mut targets);
                            }
                        }
                    }
                }
            }
        }
        targets.sort_by_key(|t| t.span.start);
        // The owner is the first task (in task order) whose statement holds the target. Tasks
        // by statement start, so only those starting within the longest statement before the
        // target are candidates: linear work on a plan of any length.
        let mut by_text: Vec<(usize, usize)> = self
            .doc
            .tasks
            .iter()
            .enumerate()
            .map(|(k, task)| (task.text.start, k))
            .collect();
        by_text.sort_unstable();
        let longest = self
            .doc
            .tasks
            .iter()
            .map(|t| t.text.len())
            .max()
            .unwrap_or(0);
        for (ti, t) in targets.iter_mut().enumerate() {
            let upto = by_text.partition_point(|(s, _)| *s <= t.span.start);
            let owner = by_text[..upto]
                .iter()
                .rev()
                .take_while(|(s, _)| *s + longest >= t.span.start)
                .filter(|(_, k)| t.span.end <= self.doc.tasks[*k].text.end)
                .map(|(_, k)| *k)
                .min();
            if let Some(k) = owner {
                t.task = Some(k);
                self.doc.tasks[k].targets.push(ti);
            }
        }
        self.doc.targets = targets;
    }
}

/// A task under construction, with the fields the parsers fill.
pub(crate) fn new_task(
    origin: Origin,
    span: Span,
    text: Span,
    heading: Option<usize>,
    number: String,
) -> Task {
    Task {
        id: String::new(),
        number,
        origin,
        span,
        text,
        heading,
        leads: Vec::new(),
        partners: Vec::new(),
        clause: None,
        empty_partner_list: None,
        deadline: None,
        targets: Vec::new(),
        not_applicable: false,
        condition: false,
        about_document: false,
        sets_up_group: false,
        owner_after_you: false,
        packed: None,
        item_number: None,
        table: None,
        owners_in_text: false,
        vague_leads: false,
        recurring: Vec::new(),
        item_text: None,
    }
}

/// Reads a heading at the start of a paragraph (`span` is its text), if there is one.
pub(crate) fn heading_at(
    b: &Builder,
    span: Span,
    origin: Origin,
    part: usize,
) -> Option<(Heading, usize)> {
    let line = b.text.get(span.start..span.end)?;
    let q = heading::Quantity::of(&b.data.lexicon);
    let (numbering, title_start) = heading::read_number(line, span.start, &q)?;
    Some(numbered_heading(
        b,
        span,
        numbering,
        title_start,
        origin,
        part,
    ))
}

/// The heading of a line whose number was read, its title running to the first 。 or colon.
pub(crate) fn numbered_heading(
    b: &Builder,
    span: Span,
    numbering: Numbering,
    title_start: usize,
    origin: Origin,
    part: usize,
) -> (Heading, usize) {
    let line = &b.text[span.start..span.end];
    let rest = &line[title_start - span.start..];
    let title_len = rest.find(['。', '：', ':', '∶']).unwrap_or(rest.len());
    let title = lex::trim(&rest[..title_len]);
    let title_span = if title.is_empty() {
        Span::new(title_start, title_start)
    } else {
        Span::of(line, title).shift(span.start)
    };
    (
        Heading {
            numbering,
            title: title_span,
            line: span,
            parent: None,
            origin,
            part,
        },
        title_start,
    )
}

/// True for a number style that numbers table rows.
pub(crate) fn is_item_style(s: crate::model::NumberStyle) -> bool {
    matches!(
        s,
        crate::model::NumberStyle::Item | crate::model::NumberStyle::SubItem
    )
}
