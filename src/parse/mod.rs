//! Parsing a decoded plan into the task model: parts, outline, tasks, tables, targets, facts.
//!
//! The parser never fails: whatever it cannot read it leaves out of the model, and the rules
//! report what is missing.

mod body;
pub mod clause;
pub mod deadline;
mod facts;
pub mod heading;
pub mod lex;
mod table_md;
mod table_tab;
pub mod target;
pub mod units;

use crate::data::RuleData;
use crate::model::{Document, Heading, NumberStyle, Origin, Part, Task};
use crate::source::{lines, SourceFile, Span};

/// One line of the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub span: Span,
    pub text: &'a str,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        lex::trim(self.text).is_empty()
    }
}

/// A line without Markdown decoration: `#` heading marks, `>` quote marks and `**` around the
/// whole line are skipped (the span moves with them); an HTML comment line is blank.
fn without_markdown(line: Line) -> Line {
    let Line { mut span, mut text } = line;
    let skip = |span: &mut Span, text: &mut &str, n: usize| {
        span.start += n;
        *text = &text[n..];
    };
    let trimmed = text.trim_start_matches(' ');
    if trimmed.starts_with("<!--") && trimmed.trim_end().ends_with("-->") {
        return Line {
            span: Span::new(span.end, span.end),
            text: "",
        };
    }
    let hashes = text.len() - text.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        let n = text.len() - text[hashes..].trim_start().len();
        skip(&mut span, &mut text, n);
    } else if text.starts_with("> ") {
        skip(&mut span, &mut text, 2);
    }
    let inner = text.trim_end();
    if inner.len() > 4 && inner.starts_with("**") && inner.ends_with("**") {
        skip(&mut span, &mut text, 2);
        let end = text.trim_end().len() - 2;
        text = &text[..end];
        span.end = span.start + end;
    }
    Line { span, text }
}

/// Parses a plan. Never panics on any text.
pub fn parse_document(src: &SourceFile, data: &RuleData) -> Document {
    let all: Vec<Line> = lines(&src.text)
        .map(|(span, text)| without_markdown(Line { span, text }))
        .collect();
    let mut b = Builder {
        text: &src.text,
        data,
        doc: Document::default(),
    };
    for (part_index, part_lines) in split_parts(&all, data, &mut b.doc).into_iter().enumerate() {
        let tab = table_tab::find(part_lines, data);
        let md = table_md::find(part_lines);
        let body_end = [tab, md]
            .iter()
            .flatten()
            .min()
            .copied()
            .unwrap_or(part_lines.len());
        body::parse(&mut b, &part_lines[..body_end], part_index);
        if let Some(start) = tab {
            table_tab::parse(&mut b, &part_lines[start..], part_index);
        } else if let Some(start) = md {
            table_md::parse(&mut b, &part_lines[start..], part_index);
        }
    }
    b.finish(&all)
}

/// Splits the lines into parts at 附件 markers; records the parts in the document.
fn split_parts<'l, 'a>(
    all: &'l [Line<'a>],
    data: &RuleData,
    doc: &mut Document,
) -> Vec<&'l [Line<'a>]> {
    let mut starts = vec![0];
    for (i, l) in all.iter().enumerate() {
        if i > 0 && is_part_marker(l.text, data) {
            starts.push(i);
        }
    }
    let mut parts = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(all.len());
        let slice = &all[s..e];
        let label = if k == 0 {
            "正文".to_string()
        } else {
            lex::trim(all[s].text).to_string()
        };
        let span = match (slice.first(), slice.last()) {
            (Some(a), Some(z)) => a.span.cover(z.span),
            _ => Span::default(),
        };
        doc.parts.push(Part { span, label });
        parts.push(slice);
    }
    parts
}

/// `附件`, `附件1`, `附件2：` alone on a line.
fn is_part_marker(text: &str, data: &RuleData) -> bool {
    let t = lex::trim(text);
    data.lexicon.outline.part_markers.iter().any(|m| {
        t.strip_prefix(m.as_str()).is_some_and(|rest| {
            let rest = rest.trim_end_matches(['：', ':']);
            rest.chars()
                .all(|c| c.is_ascii_digit() || lex::is_chinese_numeral(c) || lex::is_space(c))
        })
    })
}

/// Collects the model while the parts are read.
pub(crate) struct Builder<'a> {
    pub text: &'a str,
    pub data: &'a RuleData,
    pub doc: Document,
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
        let words = &self.data.lexicon.outline.non_task_headings;
        self.doc.heading_path(heading).iter().any(|&h| {
            words
                .iter()
                .any(|w| self.slice(self.doc.headings[h].title).contains(w.as_str()))
        })
    }

    fn finish(mut self, all: &[Line]) -> Document {
        self.doc.tasks.sort_by_key(|t| t.span.start);
        for (i, t) in self.doc.tasks.iter_mut().enumerate() {
            t.id = format!("T{}", i + 1);
        }
        self.link_inherited_deadlines();
        self.find_targets(all);
        self.doc.facts = facts::read(self.text, all, &self.doc, self.data);
        self.doc
    }

    /// Table deadlines inherited from a merged cell name the task they come from by id.
    fn link_inherited_deadlines(&mut self) {
        let by_start: std::collections::HashMap<usize, String> = self
            .doc
            .tasks
            .iter()
            .map(|t| (t.span.start, t.id.clone()))
            .rev() // the first task starting at an offset wins, as a search from the front would
            .collect();
        for t in &mut self.doc.tasks {
            if let Some(d) = &mut t.deadline {
                if let Some(from) = &d.inherited_from {
                    // While parsing, `inherited_from` holds the source task's start offset.
                    if let Ok(start) = from.parse::<usize>() {
                        d.inherited_from = by_start.get(&start).cloned();
                    }
                }
            }
        }
    }

    /// Targets anywhere in the text, tied to the task whose statement holds them.
    fn find_targets(&mut self, all: &[Line]) {
        let words = target::Words::new(&self.data.metrics, &self.data.lexicon.deadline.periodic);
        let mut targets = Vec::new();
        for l in all {
            targets.extend(target::find_targets(l.text, l.span.start, &words));
        }
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
        ambiguous: None,
        item_number: None,
    }
}

/// Reads a heading at the start of a line, if there is one.
pub(crate) fn heading_at(line: &Line, origin: Origin, part: usize) -> Option<(Heading, usize)> {
    let (numbering, title_start) = heading::read_number(line.text, line.span.start)?;
    let rest = &line.text[title_start - line.span.start..];
    let title_len = rest.find(['。', '：', ':']).unwrap_or(rest.len());
    let title = lex::trim(&rest[..title_len]);
    let title_span = if title.is_empty() {
        Span::new(title_start, title_start)
    } else {
        Span::of(line.text, title).shift(line.span.start)
    };
    Some((
        Heading {
            numbering,
            title: title_span,
            line: line.span,
            parent: None,
            origin,
            part,
        },
        title_start,
    ))
}

/// True for a number style that numbers table rows in Word exports.
pub(crate) fn is_item_style(s: NumberStyle) -> bool {
    matches!(s, NumberStyle::Item | NumberStyle::SubItem)
}
