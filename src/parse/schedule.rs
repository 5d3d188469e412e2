//! The plan's schedule: the time of each stage (（一）安排部署阶段 … 时间安排：2023年4月初开始)
//! and of each scheduled step inside one.
//!
//! ```text
//! scheduled := stage_heading date?          (（二）组织实施阶段（2023年4月—12月）)
//!            | schedule_label ("："|":") … date   (时间安排：常态化开展，2023年3月—12月重点推进)
//! stage_heading := heading whose title, brackets left off, ends with a stage word (阶段)
//! ```
//! Labels are the deadline column names of the lexicon (时间安排, 时间节点, 完成时限…); stage
//! words are `outline.stage_words`. Only running text is read: table deadlines are tasks'.

use super::deadline::first_start;
use super::lex::{bracket_groups, trim};
use crate::blocks::Block;
use crate::data::RuleData;
use crate::model::{DatePoint, Document, Scheduled};
use crate::source::Span;

pub fn read(text: &str, blocks: &[Block], doc: &Document, data: &RuleData) -> Vec<Scheduled> {
    let stages: Vec<bool> = doc
        .headings
        .iter()
        .map(|h| is_stage(text.get(h.title.start..h.title.end).unwrap_or(""), data))
        .collect();
    if doc.headings.is_empty() && !has_labels(text, data) {
        return Vec::new();
    }
    let mut by_line: Vec<(usize, usize)> = doc
        .headings
        .iter()
        .enumerate()
        .map(|(k, h)| (h.line.start, k))
        .collect();
    by_line.sort_unstable();
    let stage_of = |at: usize| -> Option<usize> {
        let upto = by_line.partition_point(|&(s, _)| s <= at);
        let (_, h) = *by_line[..upto].last()?;
        doc.heading_path(Some(h))
            .into_iter()
            .rev()
            .find(|&k| stages[k])
    };
    let labels: Vec<&str> = data
        .lexicon
        .table
        .deadline
        .iter()
        .map(String::as_str)
        .collect();
    let mut out = Vec::new();
    for b in blocks {
        let Block::Paragraph(p) = b else { continue };
        let Some(s) = text.get(p.span.start..p.span.end) else {
            continue;
        };
        let mut at = p.span.start;
        for line in s.split_inclusive('\n') {
            let here = at;
            at += line.len();
            let heading = by_line
                .binary_search_by_key(&here, |&(s, _)| s)
                .ok()
                .map(|i| by_line[i].1);
            let found = match heading {
                Some(h) if stages[h] => stage_date(line),
                _ => after_label(line, &labels)
                    .and_then(|from| first_start(&line[from..]).map(|(s, d)| (s.shift(from), d))),
            };
            if let Some((span, start)) = found {
                out.push(Scheduled {
                    span: span.shift(here),
                    start,
                    stage: stage_of(here),
                });
            }
        }
    }
    out
}

/// The title names a stage: with its bracketed remarks left off, it ends with a stage word.
fn is_stage(title: &str, data: &RuleData) -> bool {
    let mut t = trim(title);
    while let Some(g) = bracket_groups(t).last().copied() {
        if g.end != t.len() || g.start == 0 {
            break;
        }
        t = trim(&t[..g.start]);
    }
    data.lexicon
        .outline
        .stage_words
        .iter()
        .any(|w| t.ends_with(w.as_str()))
}

/// The date a stage heading gives, in brackets (（2023年4月—5月）) or after its title.
fn stage_date(line: &str) -> Option<(Span, DatePoint)> {
    for g in bracket_groups(line).into_iter().skip(1) {
        let open = line[g.start..].chars().next().map_or(1, char::len_utf8);
        if let Some((s, d)) = first_start(&line[g.start + open..g.end]) {
            return Some((s.shift(g.start + open), d));
        }
    }
    let after = line.find(super::lex::COLONS)?;
    first_start(&line[after..]).map(|(s, d)| (s.shift(after), d))
}

/// Where the text after a schedule label starts (时间安排：…), if the line opens with one.
fn after_label(line: &str, labels: &[&str]) -> Option<usize> {
    let t = trim(line);
    let lead = line.len() - line.trim_start_matches(super::lex::is_space).len();
    let label = labels
        .iter()
        .filter(|l| t.starts_with(**l))
        .max_by_key(|l| l.len())?;
    let rest = &t[label.len()..];
    let colon = rest
        .chars()
        .next()
        .filter(|&c| matches!(c, '：' | ':' | '∶'))?;
    Some(lead + label.len() + colon.len_utf8())
}

fn has_labels(text: &str, data: &RuleData) -> bool {
    data.lexicon
        .table
        .deadline
        .iter()
        .any(|l| text.contains(l.as_str()))
}

#[cfg(test)]
mod tests {
    use crate::testing::parse;

    #[test]
    fn stages_and_their_times() {
        let plan = "一、工作步骤\n（一）安排部署阶段\n时间安排：2023年4月初开始。\n（二）组织实施阶段（2023年5月—12月）\n1.过程控制。加强监管。\n时间安排：常态化开展，2023年3月—12月重点推进。\n三、工作要求\n时间安排：2024年6月。\n";
        let doc = parse(plan);
        let got: Vec<(String, Option<usize>)> = doc
            .schedule
            .iter()
            .map(|s| (s.start.display(), s.stage))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2023-04 (early)".to_string(), Some(1)),
                ("2023-05".to_string(), Some(2)),
                ("2023-03".to_string(), Some(2)),
                ("2024-06".to_string(), None),
            ]
        );
    }
}
