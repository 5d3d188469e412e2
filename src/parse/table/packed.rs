//! Rows of task tables converted from PDF: `| 项目 | 工作目标任务 | 责任部门 | 完成时限 |`.
//!
//! PDF conversion shifts columns, repeats headers and packs several items `(31) … (38)` into
//! one cell with their lead groups and deadlines packed alike, so these rows are read by
//! content, not by column: the first cell holding item numbers is the task cell, unit lists
//! after it are leads and dates are deadlines. Where packed groups cannot be matched to items
//! one to one, the items are kept and marked.

use super::super::clause::read_clause;
use super::super::deadline::read_deadline;
use super::super::lex::{is_space, trim};
use super::super::units::{looks_like_unit_list, split_units};
use super::super::{heading_at, new_task, Builder};
use crate::blocks::Row;
use crate::model::{Deadline, NumberStyle, Numbering, Origin, Packed, Unit};
use crate::source::Span;

/// Reads one row of a packed table.
pub(crate) fn row(
    b: &mut Builder,
    row: &Row,
    stack: &mut Vec<usize>,
    part_label: &str,
    part: usize,
) {
    let cells: Vec<Span> = row
        .cells
        .iter()
        .map(|c| {
            c.span()
                .unwrap_or_else(|| Span::new(row.span.start, row.span.start))
        })
        .collect();
    if is_header(b, &cells) {
        return;
    }
    let item_cell = cells.iter().position(|&c| !markers(b.slice(c)).is_empty());
    let groups_end = item_cell.unwrap_or(cells.len());
    for &c in &cells[..groups_end] {
        if c.is_empty() {
            continue;
        }
        if let Some((h, _)) = heading_at(b, c, Origin::Table, part) {
            if !matches!(h.numbering.style, NumberStyle::SubItem) {
                b.push_heading(stack, h);
            }
        }
    }
    match item_cell {
        Some(k) => items_of_row(b, &cells, k, stack, part_label),
        None => {
            // Any cell: a continuation row may have lost its empty leading cells.
            for &c in &cells {
                if is_lead_cell(b, b.slice(c)) {
                    for g in lead_groups(b.slice(c), c.start) {
                        let (leads, partners) = units_of(b, g);
                        b.doc.stray_units.extend(leads.into_iter().chain(partners));
                    }
                }
            }
        }
    }
}

/// A row repeating the header: a cell holding a column name.
fn is_header(b: &Builder, cells: &[Span]) -> bool {
    let t = &b.data.lexicon.table;
    let words: Vec<&String> = t.task.iter().chain(&t.lead).chain(&t.deadline).collect();
    cells
        .iter()
        .any(|&c| words.iter().any(|w| b.slice(c) == w.as_str()))
}

/// Item numbers `(31)` in a cell: at its start, after `<p>`, or after a sentence end.
pub(crate) fn markers(cell: &str) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    for (i, c) in cell.char_indices() {
        if c != '(' && c != '（' {
            continue;
        }
        let rest = &cell[i + c.len_utf8()..];
        let digits: String = rest.chars().take_while(|d| d.is_ascii_digit()).collect();
        if digits.is_empty() || digits.len() > 3 {
            continue;
        }
        let after = &rest[digits.len()..];
        let Some(close) = after.chars().next().filter(|&x| x == ')' || x == '）') else {
            continue;
        };
        let before = cell[..i].trim_end_matches(is_space);
        let at_start = before.is_empty()
            || before.ends_with("<p>")
            || before.ends_with(|p: char| "。；;.!！)）".contains(p));
        if at_start {
            let end = i + c.len_utf8() + digits.len() + close.len_utf8();
            out.push((i, end, digits.parse().unwrap_or(0)));
        }
    }
    out
}

fn items_of_row(b: &mut Builder, cells: &[Span], k: usize, stack: &[usize], part_label: &str) {
    let cell = cells[k];
    let text = b.slice(cell).to_string();
    let marks = markers(&text);
    let mut lead_cells = Vec::new();
    let mut deadline_cells = Vec::new();
    for &c in &cells[k + 1..] {
        let s = b.slice(c);
        if trim(s).is_empty() {
            continue;
        }
        if is_deadline_text(b, s) {
            deadline_cells.push(c);
        } else if is_lead_cell(b, s) {
            lead_cells.push(c);
        }
    }
    let lead_groups: Vec<Span> = lead_cells
        .iter()
        .flat_map(|&c| lead_groups(b.slice(c), c.start))
        .collect();
    let deadline_groups: Vec<Span> = deadline_cells
        .iter()
        .flat_map(|&c| deadline_groups(b.slice(c), c.start, &b.data.lexicon.table.not_applicable))
        .collect();
    let n = marks.len();
    let leads_for = assign(b, &lead_groups, n);
    let deadlines_for = assign(b, &deadline_groups, n);
    if matches!(leads_for, Assigned::Ambiguous) {
        // Units that cannot be given to one item are still units the plan names.
        for &g in &lead_groups {
            let (leads, partners) = units_of(b, g);
            b.doc.stray_units.extend(leads.into_iter().chain(partners));
        }
    }
    let heading = stack.last().copied();
    let condition = b.under_condition_heading(heading);
    for (j, &(ms, me, value)) in marks.iter().enumerate() {
        let end = marks.get(j + 1).map_or(text.len(), |m| m.0);
        let body = trim(strip_tags(&text[me..end]));
        let text_span = if body.is_empty() {
            Span::new(cell.start + me, cell.start + me)
        } else {
            Span::of(&text, body).shift(cell.start)
        };
        let num_span = Span::new(cell.start + ms, cell.start + me);
        let number = format!("{part_label} {}", b.slice(num_span));
        let mut t = new_task(
            Origin::Table,
            num_span.cover(text_span),
            text_span,
            heading,
            number,
        );
        t.item_number = Some(Numbering {
            style: NumberStyle::SubItem,
            value,
            span: num_span,
            mixed_brackets: false,
            malformed: false,
        });
        t.table = Some(b.tables);
        t.condition = condition;
        if let Assigned::Each(g) = &leads_for {
            let (leads, partners) = units_of(b, g[j]);
            t.leads = leads;
            t.partners = partners;
            t.clause = Some(g[j]);
        }
        if let Assigned::Each(g) = &deadlines_for {
            let d = deadline_at(b, g[j]);
            t.not_applicable = d.when.not_applicable;
            t.deadline = Some(d);
        }
        if matches!(leads_for, Assigned::Ambiguous) || matches!(deadlines_for, Assigned::Ambiguous)
        {
            t.packed = Some(Packed {
                items: n,
                lead_groups: lead_groups.len(),
                deadline_groups: deadline_groups.len(),
            });
        }
        b.doc.tasks.push(t);
    }
}

enum Assigned {
    Each(Vec<Span>),
    None,
    Ambiguous,
}

/// One group per item, one group for all, or identical groups for all; otherwise ambiguous.
fn assign(b: &Builder, groups: &[Span], items: usize) -> Assigned {
    match groups.len() {
        0 => Assigned::None,
        g if g == items => Assigned::Each(groups.to_vec()),
        1 => Assigned::Each(vec![groups[0]; items]),
        _ if groups.iter().all(|&g| b.slice(g) == b.slice(groups[0])) => {
            Assigned::Each(vec![groups[0]; items])
        }
        _ => Assigned::Ambiguous,
    }
}

fn strip_tags(s: &str) -> &str {
    let mut s = trim(s);
    loop {
        let before = s;
        for tag in ["<p>", "</p>"] {
            s = trim(s.strip_prefix(tag).unwrap_or(s));
            s = trim(s.strip_suffix(tag).unwrap_or(s));
        }
        if s == before {
            return s;
        }
    }
}

/// Every packed group of the cell reads as a clause or a list of units.
fn is_lead_cell(b: &Builder, s: &str) -> bool {
    let groups = lead_groups(s, 0);
    !groups.is_empty()
        && !is_deadline_text(b, s)
        && groups.iter().all(|g| {
            let g = &s[g.start..g.end];
            read_clause(g, 0, &b.data.lexicon).is_some() || looks_like_unit_list(g, &b.data.lexicon)
        })
}

fn is_deadline_text(b: &Builder, s: &str) -> bool {
    let d = read_deadline(s, 0, &b.data.lexicon);
    !d.when.is_empty()
        && trim(s)
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || !looks_like_unit_list(s, &b.data.lexicon))
}

/// Lead groups packed in one cell are separated by spaces that do not follow a list separator.
fn lead_groups(cell: &str, base: usize) -> Vec<Span> {
    split_groups(cell, base, |prev, next| {
        !"、，,;；".contains(prev) && !"、，,;；".contains(next)
    })
}

/// Deadline groups start with a year or a not-applicable word (rules/lexicon.toml
/// `not_applicable`: 合理缺项) after a finished group.
fn deadline_groups(cell: &str, base: usize, not_applicable: &[String]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in cell.char_indices() {
        if !is_space(c) || i == start {
            continue;
        }
        let next = trim(&cell[i..]);
        let prev = trim(&cell[start..i]);
        let prev_end = prev.chars().next_back().unwrap_or('，');
        let starts_group = super::super::deadline::date(next).is_ok()
            || not_applicable.iter().any(|w| next.starts_with(w.as_str()));
        if starts_group && !prev.is_empty() && !"，,".contains(prev_end) {
            out.push(Span::of(cell, prev).shift(base));
            start = i;
        }
    }
    let last = trim(&cell[start..]);
    if !last.is_empty() {
        out.push(Span::of(cell, last).shift(base));
    }
    out
}

fn split_groups(cell: &str, base: usize, splits: impl Fn(char, char) -> bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < cell.len() {
        let c = cell[i..].chars().next().unwrap_or(' ');
        if is_space(c) {
            let run_end = i + cell[i..].len() - cell[i..].trim_start_matches(is_space).len();
            let prev = cell[..i].chars().next_back().unwrap_or('、');
            let next = cell[run_end..].chars().next().unwrap_or('、');
            if run_end < cell.len() && splits(prev, next) {
                let g = trim(&cell[start..i]);
                if !g.is_empty() {
                    out.push(Span::of(cell, g).shift(base));
                }
                start = run_end;
            }
            i = run_end.max(i + 1);
        } else {
            i += c.len_utf8();
        }
    }
    let g = trim(&cell[start..]);
    if !g.is_empty() {
        out.push(Span::of(cell, g).shift(base));
    }
    out
}

fn units_of(b: &Builder, group: Span) -> (Vec<Unit>, Vec<Unit>) {
    let text = b.slice(group);
    match read_clause(text, group.start, &b.data.lexicon) {
        Some(r) => (r.leads, r.partners),
        None => (split_units(text, group.start, &b.data.lexicon), Vec::new()),
    }
}

fn deadline_at(b: &Builder, group: Span) -> Deadline {
    read_deadline(b.slice(group), group.start, &b.data.lexicon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_markers_only_where_items_start() {
        let cell = "<p>(8) 食品安全抽检…每年至少召开2次会议。</p> <p>(9) 食源性疾病…</p>";
        assert_eq!(
            markers(cell).iter().map(|m| m.2).collect::<Vec<_>>(),
            vec![8, 9]
        );
        let c2 = "(38) 畅通渠道, 工作时间内 12315 (12345) 热线接通率达到 90% 以上。";
        assert_eq!(
            markers(c2).iter().map(|m| m.2).collect::<Vec<_>>(),
            vec![38]
        );
        assert!(markers("1.党政同责 (3分)").is_empty());
    }

    #[test]
    fn packed_groups() {
        let leads = "区公安分局 区人力资源和社会保障局、区市场监管局 区水务局";
        let g: Vec<&str> = lead_groups(leads, 0)
            .iter()
            .map(|s| &leads[s.start..s.end])
            .collect();
        assert_eq!(
            g,
            vec![
                "区公安分局",
                "区人力资源和社会保障局、区市场监管局",
                "区水务局"
            ]
        );
        let l2 = "区食品药品安委会办公室牵头, 各成员单位配合 区水务局";
        assert_eq!(lead_groups(l2, 0).len(), 2);
        let d = "2023 年 4 月初开始, 常态化推进 2023 年 4 月初开始, 常态化推进 合理缺项";
        let words = crate::data::RuleData::builtin()
            .lexicon
            .table
            .not_applicable;
        let g: Vec<&str> = deadline_groups(d, 0, &words)
            .iter()
            .map(|s| &d[s.start..s.end])
            .collect();
        assert_eq!(
            g,
            vec![
                "2023 年 4 月初开始, 常态化推进",
                "2023 年 4 月初开始, 常态化推进",
                "合理缺项"
            ]
        );
    }
}
