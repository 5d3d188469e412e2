//! Task tables, whatever format they came in: columns named by their header (序号, 主要任务,
//! 牵头单位, 配合单位, 完成时限 and their synonyms in rules/lexicon.toml [table]), rows read by
//! column.
//!
//! - The header is the first row naming at least two columns, a task or lead column among
//!   them; a table without one continues the columns of the table before it (a table broken by
//!   a page) when it has as many columns.
//! - Group cells (项目, 类别, 内容) and section rows (一、知识产权保护方面) are headings: the
//!   rows under them are their tasks.
//! - Merged cells: a row written with fewer cells takes the missing leading cells from the row
//!   above; an empty 完成时限 cell continues the merged cell above within its group when the
//!   cell says so (Word's vMerge) or the table came from a text export that writes merged
//!   cells as empty ones.
//! - PDF conversions pack several items `(31)…(38)` into one cell with their lead groups and
//!   deadlines packed alike and shift columns, so such rows are read by content: see
//!   [`packed`]. Where packed groups cannot be matched to items one to one, the items are kept
//!   and marked (`ambiguous-table-cell`).

mod packed;

use super::clause::read_clause;
use super::deadline::read_deadline;
use super::lex::{bracket_groups, bracket_inner, trim};
use super::units::split_units;
use super::{heading_at, new_task, Builder};
use crate::blocks::{Cell, Row, Table};
use crate::data::ColumnRole;
use crate::model::{Deadline, NumberStyle, Origin, TaskTable, Unit};
use crate::source::Span;

/// The roles of a table's grid columns.
pub(crate) type Columns = Vec<Option<ColumnRole>>;

pub(crate) fn parse(
    b: &mut Builder,
    t: &Table,
    stack: &mut Vec<usize>,
    part: usize,
    table_no: usize,
    prev: &mut Option<Columns>,
) {
    let width = t
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.column + c.width.min(64)))
        .max()
        .unwrap_or(0);
    let header = t
        .rows
        .iter()
        .take(3)
        .position(|r| header_roles(b, r).is_some());
    let (columns, first_row) = match header {
        Some(h) => {
            let cols = header_roles(b, &t.rows[h]).unwrap_or_default();
            (Some(cols), h + 1)
        }
        None => match prev.as_ref() {
            Some(c) if c.len() == width => (Some(c.clone()), 0),
            _ => (columns_by_content(b, t, width), 0),
        },
    };
    let named = |r: ColumnRole| columns.as_ref().is_some_and(|c| c.contains(&Some(r)));
    let facts = TaskTable {
        lead_column: named(ColumnRole::Lead),
        deadline_column: named(ColumnRole::Deadline),
        task_column: named(ColumnRole::Task),
        header: header.map(|h| t.rows[h].span),
        rows: t.rows.len().saturating_sub(first_row),
        tasks: 0,
        clauses: 0,
        first_clause: None,
    };
    b.doc
        .tables
        .resize(table_no.saturating_sub(1), TaskTable::default());
    b.doc.tables.push(facts);
    let mut columns = columns;
    let inferred_lead = match columns.as_mut() {
        Some(cols) => lead_by_content(b, t, cols, first_row),
        None => None,
    };
    if let Some(c) = &columns {
        *prev = Some(c.clone());
    }
    // Only a task table is read by content when its cells pack numbered items.
    let task_table = columns
        .as_ref()
        .is_some_and(|c| c.contains(&Some(ColumnRole::Task)));
    let read_by_columns = columns.as_ref().is_some_and(|c| {
        c.contains(&Some(ColumnRole::Task)) || c.contains(&Some(ColumnRole::Lead))
    });
    if !read_by_columns {
        let clauses = closing_clauses(b, t.rows.iter().flat_map(|r| r.cells.iter()));
        if let Some(facts) = b.doc.tables.last_mut() {
            facts.clauses = clauses.len();
            facts.first_clause = clauses.first().map(|(span, _)| *span);
        }
    }
    let packed_table = task_table
        && t.rows.iter().any(|r| {
            r.cells.iter().any(|c| {
                c.paras
                    .iter()
                    .any(|&p| !packed::markers(b.slice(p)).is_empty())
            })
        });
    let part_label = b
        .doc
        .parts
        .get(part)
        .map(|p| p.label.clone())
        .unwrap_or_default();
    let mut reader = Reader {
        part,
        part_label,
        table_no,
        merged: None,
        merged_leads: None,
        merged_partners: None,
        above: Vec::new(),
        text_export: !t.exact_rows,
        inferred_lead,
    };
    for row in &t.rows[first_row.min(t.rows.len())..] {
        if header_roles(b, row).is_some() {
            continue; // a header repeated at a page break
        }
        if packed_table {
            packed::row(b, row, stack, &reader.part_label, part);
            continue;
        }
        match &columns {
            Some(cols)
                if cols.contains(&Some(ColumnRole::Task))
                    || cols.contains(&Some(ColumnRole::Lead)) =>
            {
                reader.row(b, row, cols, stack)
            }
            _ => headings_of(b, row, stack, part),
        }
    }
}

/// The roles a header row names, if it is a header: two roles at least, one of them a task
/// or lead column.
fn header_roles(b: &Builder, row: &Row) -> Option<Columns> {
    let width = row.cells.iter().map(|c| c.column + 1).max().unwrap_or(0);
    let mut cols: Columns = vec![None; width];
    let mut named = 0;
    for c in &row.cells {
        let text: String = c.paras.iter().map(|&p| b.slice(p)).collect();
        if let Some(r) = b.data.lexicon.table.role_of(&text) {
            cols[c.column] = Some(r);
            named += 1;
        } else if !text.trim().is_empty() && text.chars().count() > 16 {
            return None;
        }
    }
    let key = cols
        .iter()
        .any(|r| matches!(r, Some(ColumnRole::Task) | Some(ColumnRole::Lead)));
    (named >= 2 && key).then_some(cols)
}

/// Numbered cells of a row that is no task row: headings of what follows.
fn headings_of(b: &mut Builder, row: &Row, stack: &mut Vec<usize>, part: usize) {
    for c in &row.cells {
        if let Some(&p) = c.paras.first() {
            if let Some((h, _)) = heading_at(b, p, Origin::Table, part) {
                if matches!(
                    h.numbering.style,
                    NumberStyle::Chapter | NumberStyle::Section
                ) {
                    b.push_heading(stack, h);
                }
            }
        }
    }
}

struct Reader {
    part: usize,
    part_label: String,
    table_no: usize,
    /// The deadline a merged cell gives its group, with the start of the task it was written on.
    merged: Option<(Deadline, usize)>,
    /// The units of the last lead and partner cells, for rows whose Word cell is merged from
    /// the one above (vMerge): a merged 牵头单位 cell carries down as 完成时限 does.
    merged_leads: Option<(Vec<crate::model::Unit>, Vec<crate::model::Unit>)>,
    merged_partners: Option<Vec<crate::model::Unit>>,
    /// The cells of the row above, by grid column: short rows take their missing cells here.
    above: Vec<Option<Cell>>,
    text_export: bool,
    /// The lead column, when the header named none and the cells' content told it.
    inferred_lead: Option<usize>,
}

fn reads_as_units(b: &Builder, c: &Cell) -> bool {
    let text: String = c.paras.iter().map(|&p| b.slice(p)).collect();
    super::units::looks_like_unit_list(&text, &b.data.lexicon)
}

impl Reader {
    fn row(&mut self, b: &mut Builder, row: &Row, cols: &Columns, stack: &mut Vec<usize>) {
        let narrowed;
        let row = match narrow(b, row, cols) {
            Some(r) => {
                narrowed = r;
                &narrowed
            }
            None => row,
        };
        let width = cols
            .len()
            .max(row.cells.iter().map(|c| c.column + 1).max().unwrap_or(0));
        let mut grid: Vec<Option<&Cell>> = vec![None; width];
        for c in &row.cells {
            if c.column < width {
                grid[c.column] = Some(c);
            }
        }
        let role_at = |k: usize| cols.get(k).copied().flatten();
        let of_role = |grid: &Vec<Option<&Cell>>, r: ColumnRole| -> Vec<usize> {
            (0..grid.len()).filter(|&k| role_at(k) == Some(r)).collect()
        };
        let task_cols = of_role(&grid, ColumnRole::Task);
        let filled = |c: Option<&Cell>| c.is_some_and(|c| !c.is_empty());
        // A section row: one cell with text, spanning the table or standing where no task is.
        let texts: Vec<&Cell> = row.cells.iter().filter(|c| !c.is_empty()).collect();
        let task_filled = task_cols.iter().any(|&k| filled(grid[k]));
        if texts.len() == 1 && (texts[0].width > 1 || !task_filled) {
            self.group_heading(b, texts[0], stack);
            self.above = vec![None; width];
            return;
        }
        // Group cells present in this row open their headings.
        for (k, c) in grid.iter().enumerate() {
            if matches!(role_at(k), Some(ColumnRole::Group) | None) && !task_cols.contains(&k) {
                if let Some(c) = c {
                    if k < task_cols.first().copied().unwrap_or(usize::MAX) {
                        self.group_heading(b, c, stack);
                    }
                }
            }
        }
        // A short row takes the cells it lacks from the row above.
        let mut owned: Vec<Option<Cell>> = grid.iter().map(|c| c.cloned()).collect();
        if row.short {
            let first = row.cells.iter().map(|c| c.column).min().unwrap_or(0);
            for (k, slot) in owned.iter_mut().enumerate().take(first) {
                if slot.is_none() {
                    *slot = self.above.get(k).cloned().flatten();
                }
            }
        }
        // A 序号 cell merged down over several rows (a web page's rowspan, Word's vMerge)
        // numbers each of them, as a short row's number does.
        for (k, slot) in owned.iter_mut().enumerate() {
            if role_at(k) == Some(ColumnRole::Number)
                && slot
                    .as_ref()
                    .is_some_and(|c| c.is_empty() && c.merged_above)
            {
                if let Some(above) = self.above.get(k).cloned().flatten() {
                    *slot = Some(above);
                }
            }
        }
        self.above = owned.clone();
        let Some(&task_col) = task_cols
            .iter()
            .find(|&&k| owned[k].as_ref().is_some_and(|c| !c.is_empty()))
        else {
            headings_of(b, row, stack, self.part);
            self.stray_units(b, &owned, cols);
            return;
        };
        let task_cell = owned[task_col]
            .clone()
            .unwrap_or_else(|| Cell::new(Vec::new(), task_col));
        let Some(task_span) = task_cell.span() else {
            return;
        };
        // The number: the 序号 cell, else a number opening the task cell.
        let number_cell = of_role(&grid, ColumnRole::Number)
            .into_iter()
            .find_map(|k| owned[k].clone().filter(|c| !c.is_empty()));
        let first_para = task_cell.paras[0];
        let heading = heading_at(b, first_para, Origin::Table, self.part);
        if let Some((h, _)) = &heading {
            // A task cell holding only a section heading (一、知识产权保护方面) with nothing else
            // in the row; a run-in item (（五）提升…。筑牢…) is a task.
            let title_only = super::lex::trim(b.slice(Span::new(h.title.end, first_para.end)))
                .trim_matches(['。', '：', ':', '∶'])
                .is_empty();
            let rest_empty = title_only
                && (0..owned.len()).all(|k| {
                    k == task_col
                        || matches!(
                            role_at(k),
                            Some(ColumnRole::Group) | Some(ColumnRole::Number) | None
                        )
                        || owned[k].as_ref().is_none_or(|c| c.is_empty())
                });
            if matches!(
                h.numbering.style,
                NumberStyle::Chapter | NumberStyle::Section
            ) && rest_empty
                && task_cell.paras.len() == 1
            {
                self.group_heading(b, &task_cell, stack);
                return;
            }
        }
        // A group row written in cells: a Chinese numeral in the 序号 cell (一, 一、, （一）) and a
        // short title (路网建设), every other cell empty. The numbered rows under it are the
        // tasks; read as a task it was a lead-less one, with a missing deadline too.
        if heading.is_none()
            && number_cell
                .as_ref()
                .is_some_and(|c| c.paras.len() == 1 && is_group_number(b.slice(c.paras[0])))
            && task_cell.paras.len() == 1
            && is_group_title(b.slice(first_para))
            && (0..owned.len()).all(|k| {
                task_cols.contains(&k)
                    || matches!(
                        role_at(k),
                        Some(ColumnRole::Group) | Some(ColumnRole::Number)
                    )
                    || owned[k].as_ref().is_none_or(|c| c.is_empty())
            })
        {
            if let Some(nc) = &number_cell {
                self.group_heading(b, nc, stack);
            }
            self.above = vec![None; width];
            return;
        }
        let (item_number, text_start) = match (&number_cell, &heading) {
            (_, Some((h, title_start))) if super::is_item_style(h.numbering.style) => {
                (Some(h.numbering.clone()), *title_start)
            }
            // A number inherited from a merged cell above numbers that row, not this one:
            // whether a short row left the cell out or a rowspan (vMerge) wrote it empty.
            (Some(nc), _)
                if row
                    .cells
                    .iter()
                    .any(|rc| rc.column == nc.column && !(rc.is_empty() && rc.merged_above)) =>
            {
                (
                    nc.paras
                        .first()
                        .and_then(|&p| bare_number(b.slice(p), p.start)),
                    task_span.start,
                )
            }
            _ => (None, task_span.start),
        };
        // Further task columns (主要内容 beside 改革举措) belong to the task's text.
        let text_end = task_cols
            .iter()
            .filter_map(|&k| owned[k].as_ref().and_then(Cell::span))
            .map(|s| s.end)
            .max()
            .unwrap_or(task_span.end);
        let text = Span::new(text_start, text_end.max(text_start));
        let end = owned
            .iter()
            .flatten()
            .filter(|c| row.cells.iter().any(|rc| rc.column == c.column))
            .filter_map(Cell::span)
            .map(|s| s.end)
            .max()
            .unwrap_or(text.end)
            .max(text.end);
        let start = number_cell
            .as_ref()
            .filter(|nc| row.cells.iter().any(|rc| rc.column == nc.column))
            .and_then(Cell::span)
            .map_or(
                item_number.as_ref().map_or(text.start, |n| n.span.start),
                |s| s.start,
            )
            .min(text.start);
        let number = match (&item_number, &number_cell) {
            (Some(n), _) => format!("{} {}", self.part_label, b.slice(n.span)),
            (None, Some(nc)) => format!(
                "{} {}",
                self.part_label,
                nc.span().map_or("", |s| b.slice(s))
            ),
            (None, None) => format!(
                "{} {}",
                self.part_label,
                b.heading_label(stack.last().copied())
            ),
        };
        let mut t = new_task(
            Origin::Table,
            Span::new(start, end),
            text,
            stack.last().copied(),
            number,
        );
        t.item_number = item_number;
        t.table = Some(self.table_no);
        t.condition = b.under_condition_heading(stack.last().copied());
        let merged_above = |k: usize| {
            owned[k]
                .as_ref()
                .is_some_and(|c| c.is_empty() && c.merged_above)
        };
        for k in of_role(&grid, ColumnRole::Lead) {
            // A lead column found by its content holds units only where a cell reads so.
            let inferred = self.inferred_lead == Some(k);
            if let Some(c) = owned[k]
                .as_ref()
                .filter(|c| !c.is_empty() && (!inferred || reads_as_units(b, c)))
            {
                let (leads, partners) = units_of(b, c);
                self.merged_leads = Some((leads.clone(), partners.clone()));
                t.leads.extend(leads);
                t.partners.extend(partners);
                t.clause = t.clause.map_or(c.span(), |s| c.span().map(|x| s.cover(x)));
            } else if let (true, Some((leads, partners))) = (merged_above(k), &self.merged_leads) {
                t.leads.extend(leads.iter().cloned());
                t.partners.extend(partners.iter().cloned());
            }
        }
        for k in of_role(&grid, ColumnRole::Partner) {
            if let Some(c) = owned[k].as_ref().filter(|c| !c.is_empty()) {
                let partners = units_of(b, c).0;
                self.merged_partners = Some(partners.clone());
                t.partners.extend(partners);
            } else if let (true, Some(partners)) = (merged_above(k), &self.merged_partners) {
                t.partners.extend(partners.iter().cloned());
            }
        }
        if t.leads.is_empty() {
            self.clause_in_task_cells(
                b,
                &mut t,
                task_cols.iter().filter_map(|&k| owned[k].as_ref()),
            );
        }
        let deadline_col = of_role(&grid, ColumnRole::Deadline).into_iter().next();
        match deadline_col.and_then(|k| owned[k].clone()) {
            Some(c) if !c.is_empty() => {
                let dl = deadline_of(b, &c);
                self.merged = Some((dl.clone(), t.span.start));
                t.not_applicable = dl.when.not_applicable;
                t.deadline = Some(dl);
            }
            cell => {
                let continues =
                    self.text_export || row.short || cell.as_ref().is_some_and(|c| c.merged_above);
                if let (true, Some((d, from))) = (continues, &self.merged) {
                    t.deadline = Some(d.clone());
                    b.inherit.push((t.span.start, *from));
                }
            }
        }
        if t.deadline.is_none() {
            t.deadline =
                super::deadline::find_in_text(b.slice(t.text), t.text.start, &b.data.lexicon);
        }
        b.doc.tasks.push(t);
    }

    /// A task cell closing its text with a responsibility clause (`…加强监管。（市商务局牵头，
    /// 合肥海关配合）`) where the row's lead cells say nothing, or the table has none (序号 | 工作任务):
    /// the clause names the task's owners, as it would in the body.
    fn clause_in_task_cells<'c>(
        &self,
        b: &mut Builder,
        t: &mut crate::model::Task,
        cells: impl Iterator<Item = &'c Cell>,
    ) {
        for (span, resp) in closing_clauses(b, cells) {
            b.doc.census.bracket_groups += 1;
            b.doc.census.clauses += 1;
            t.leads.extend(resp.leads);
            t.partners.extend(resp.partners);
            t.clause = Some(t.clause.map_or(span, |s| s.cover(span)));
            if t.deadline.is_none() {
                t.deadline = resp.deadline;
            }
        }
    }

    /// A group cell's headings (deduplicated: page breaks repeat them); a new group ends the
    /// merged deadline above.
    fn group_heading(&mut self, b: &mut Builder, cell: &Cell, stack: &mut Vec<usize>) {
        let mut seen = String::new();
        for &p in &cell.paras {
            if let Some((h, _)) = heading_at(b, p, Origin::Table, self.part) {
                let title = trim(b.slice(p)).to_string();
                if title != seen {
                    b.push_heading(stack, h);
                    self.merged = None;
                    self.merged_leads = None;
                    self.merged_partners = None;
                    seen = title;
                }
            }
        }
    }

    /// Units in a row without a task: kept for the unit-name checks.
    fn stray_units(&self, b: &mut Builder, owned: &[Option<Cell>], cols: &Columns) {
        for (k, c) in owned.iter().enumerate() {
            if matches!(
                cols.get(k).copied().flatten(),
                Some(ColumnRole::Lead) | Some(ColumnRole::Partner)
            ) {
                if let Some(c) = c {
                    let (l, p) = units_of(b, c);
                    b.doc.stray_units.extend(l.into_iter().chain(p));
                }
            }
        }
    }
}

/// The responsibility clauses naming leads that close a paragraph of the cells (a bracket group
/// with nothing but punctuation after it: `…。（市商务局牵头，合肥海关配合）`), with their spans.
fn closing_clauses<'c>(
    b: &Builder,
    cells: impl Iterator<Item = &'c Cell>,
) -> Vec<(Span, crate::parse::clause::Responsibility)> {
    let mut out = Vec::new();
    for cell in cells {
        for &p in &cell.paras {
            let para = b.slice(p);
            for g in bracket_groups(para) {
                let group = &para[g.start..g.end];
                let closes = super::lex::only_closing_punctuation(&para[g.end..]);
                let Some(inner) = bracket_inner(group).filter(|_| closes) else {
                    continue;
                };
                let at = p.start + g.start + Span::of(group, inner).start;
                match read_clause(inner, at, &b.data.lexicon) {
                    Some(resp) if !resp.leads.is_empty() => out.push((g.shift(p.start), resp)),
                    _ => {}
                }
            }
        }
    }
    out
}

/// A row wider than its header, numbered in its first cell: the cells after the number that
/// the header does not name are a merged group column (重点考核部门 under 考核项目); the rest
/// are read against the header.
fn narrow(b: &Builder, row: &Row, cols: &Columns) -> Option<Row> {
    let extra = row.cells.len().checked_sub(cols.len()).filter(|&e| e > 0)?;
    let first = row.cells.first()?;
    let numbered = cols.first() == Some(&Some(ColumnRole::Number))
        && first
            .paras
            .first()
            .is_some_and(|&p| super::lex::digits_value(trim(b.slice(p))).is_some());
    if !numbered {
        return None;
    }
    let mut cells = vec![first.clone()];
    for (k, c) in row.cells.iter().enumerate().skip(1 + extra) {
        let mut c = c.clone();
        c.column = k - extra;
        cells.push(c);
    }
    Some(Row {
        span: row.span,
        cells,
        short: false,
    })
}

/// A table with no header, numbered in its first column and holding sentences in another
/// (`1 | 扩大优势产品出口。…（市商务局牵头）`): a task list set in a table, its header left off (or
/// on the page before). The first column is the 序号, the column of the longest texts the
/// task; the lead column is then found by its content as for a header naming none. Most rows
/// (four in five, two at least, the first among them) must be so: an indicator table
/// (`1 | 垃圾回收利用率 | 35%`) holds no sentence, a layout table no numbers.
fn columns_by_content(b: &Builder, t: &Table, width: usize) -> Option<Columns> {
    let rows = t.rows.len();
    if rows < 2 || width < 2 {
        return None;
    }
    let cell_text = |row: &Row, k: usize| -> String {
        row.cells
            .iter()
            .filter(|c| c.column == k)
            .flat_map(|c| c.paras.iter().map(|&p| b.slice(p)))
            .collect()
    };
    let most = |n: usize| n >= 2 && 5 * n >= 4 * rows;
    let numbered = |r: &Row| {
        let number = cell_text(r, 0);
        bare_number(trim(&number).trim_end_matches(['.', '．', '、']), 0).is_some()
    };
    // The first row too: a header the lexicon does not know (部门 | 事权清单) says what the
    // columns hold better than a guess.
    if !numbered(&t.rows[0]) || !most(t.rows.iter().filter(|r| numbered(r)).count()) {
        return None;
    }
    let sentence = |s: &str| {
        s.chars().filter(|&c| crate::source::is_cjk(c)).count() >= 15
            && s.contains(['。', '，', '；'])
    };
    let task = (1..width)
        .map(|k| {
            let texts: Vec<String> = t.rows.iter().map(|r| cell_text(r, k)).collect();
            let sentences = texts.iter().filter(|s| sentence(s)).count();
            let chars: usize = texts.iter().map(|s| s.chars().count()).sum();
            (k, sentences, chars)
        })
        .filter(|&(_, sentences, _)| most(sentences))
        .max_by_key(|&(_, _, chars)| chars)?
        .0;
    let mut cols: Columns = vec![None; width];
    cols[0] = Some(ColumnRole::Number);
    cols[task] = Some(ColumnRole::Task);
    Some(cols)
}

/// A table whose header names no lead column: a column whose cells are unit names (one or two
/// each, in most rows holding text) is the lead column.
fn lead_by_content(b: &Builder, t: &Table, cols: &mut Columns, first_row: usize) -> Option<usize> {
    if cols.contains(&Some(ColumnRole::Lead)) {
        return None;
    }
    let lex = &b.data.lexicon;
    let mut best: Option<(usize, usize)> = None;
    for (k, role) in cols.iter().enumerate() {
        if matches!(
            role,
            Some(ColumnRole::Task) | Some(ColumnRole::Number) | Some(ColumnRole::Deadline)
        ) {
            continue;
        }
        let (mut filled, mut units) = (0, 0);
        for row in &t.rows[first_row.min(t.rows.len())..] {
            let Some(c) = row.cells.iter().find(|c| c.column == k && !c.is_empty()) else {
                continue;
            };
            filled += 1;
            let text: String = c.paras.iter().map(|&p| b.slice(p)).collect();
            let n = super::units::split_units(&text, 0, lex).len();
            if (1..=2).contains(&n) && super::units::looks_like_unit_list(&text, lex) {
                units += 1;
            }
        }
        if filled >= 3 && units * 5 >= filled * 3 && best.is_none_or(|(_, u)| units > u) {
            best = Some((k, units));
        }
    }
    let (k, _) = best?;
    cols[k] = Some(ColumnRole::Lead);
    Some(k)
}

/// A 序号 cell numbering a group, not a task: a Chinese numeral alone, or with 、 or in brackets
/// (一, 一、, （一）, (一)).
fn is_group_number(text: &str) -> bool {
    let t = trim(text)
        .trim_end_matches(['、', '.', '．'])
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    super::lex::chinese_number(t).is_some_and(|v| v > 0)
}

/// A group's title: short, no sentence of its own (路网建设, 二、安全提升方面).
fn is_group_title(text: &str) -> bool {
    let t = trim(text);
    t.chars().count() <= 20 && !t.contains(['。', '；', ';', '，', ','])
}

/// A bare number (`12`) as an item number.
fn bare_number(text: &str, base: usize) -> Option<crate::model::Numbering> {
    let t = trim(text);
    let v = super::lex::digits_value(t)?;
    let at = base + Span::of(text, t).start;
    Some(crate::model::Numbering {
        style: NumberStyle::Item,
        value: v,
        span: Span::new(at, at + t.len()),
        mixed_brackets: false,
        malformed: false,
    })
}

/// Lead units of a cell: a clause when the cell has one (A牵头，B配合), else a plain list.
pub(crate) fn units_of(b: &Builder, cell: &Cell) -> (Vec<Unit>, Vec<Unit>) {
    let mut leads = Vec::new();
    let mut partners = Vec::new();
    for &p in &cell.paras {
        let text = b.slice(p);
        if says_none(text, &b.data.lexicon.table.none) {
            continue;
        }
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

/// A cell that says "none" (—, －, /, or a word of rules/lexicon.toml `[table] none`): no unit.
fn says_none(text: &str, words: &[String]) -> bool {
    let t = super::lex::trim(text);
    words.iter().any(|w| w == t)
        || (!t.is_empty() && t.chars().all(|c| "—－-–─/／\\、".contains(c)))
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

#[cfg(test)]
mod tests {
    use crate::testing::{findings_of, parse};

    fn owners(plan: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
        parse(plan)
            .tasks
            .iter()
            .map(|t| {
                let names = |u: &[crate::model::Unit]| u.iter().map(|u| u.name.clone()).collect();
                (
                    t.number.trim().to_string(),
                    names(&t.leads),
                    names(&t.partners),
                )
            })
            .collect()
    }

    /// Issue 21: a task table without a lead column (序号 | 工作任务) whose task cells close on
    /// their own clause, and a row whose lead cell is empty while its task cell names owners:
    /// the clause gives the leads, as in the body. Before, every such row read as lead-less and
    /// the plan got one `no-leads` note; the row without a clause now is the one missing-lead.
    #[test]
    fn a_task_cell_closing_on_its_clause_names_the_owners() {
        let plan = "某市实施方案\n重点任务清单\n序号\t工作任务\n1\t扩大优势产品出口。建立税率对比清单。（市商务局牵头，合肥海关配合；2023年6月底前完成）\n2\t积极扩大进口。扩大大宗商品进口规模。\n3\t用好原产地规则（以下简称原产地规则），加强培训。（市贸促会牵头）\n";
        let got = owners(plan);
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("正文 1".into(), s(&["市商务局"]), s(&["合肥海关"])),
                ("正文 2".into(), s(&[]), s(&[])),
                ("正文 3".into(), s(&["市贸促会"]), s(&[])),
            ]
        );
        let doc = parse(plan);
        assert_eq!(
            doc.tasks[0]
                .deadline
                .as_ref()
                .map(|d| doc_text(plan, d.span)),
            Some("2023年6月底前完成")
        );
        let missing = findings_of(plan, "missing-lead");
        assert_eq!(missing.iter().map(|f| f.0).collect::<Vec<_>>(), [5]);
        // A lead column wins where it names units; where its cell is empty, the task cell's
        // clause does.
        let with_column = "某市实施方案\n序号\t工作任务\t牵头单位\n1\t扩大出口。（市商务局牵头）\t市发改委\n2\t扩大进口。（市商务局牵头，市财政局配合）\t\n";
        assert_eq!(
            owners(with_column),
            [
                ("正文 1".into(), s(&["市发改委"]), s(&[])),
                ("正文 2".into(), s(&["市商务局"]), s(&["市财政局"])),
            ]
        );
    }

    /// Issue 21: a task list set in a table with no header (`1 | 扩大优势产品出口。…（A牵头）`,
    /// Word's 序号 | 内容 table with its header on the page before) read as no task at all, and
    /// `diff` called a plan so written fully covered. Numbered in the first column, sentences in
    /// another: those are the 序号 and the task. Not an indicator table (no sentence), and not
    /// a table opening on a header the lexicon does not know (部门 | 事权清单).
    #[test]
    fn a_headerless_numbered_table_of_sentences_is_a_task_table() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let plan = "某市实施方案\n一、重点任务\n1\t扩大优势产品出口，建立国别商品税率对比清单。（市商务局牵头，合肥海关配合）\n2\t积极扩大进口，推动采购来源多元化，扩大进口规模。\n3\t用好原产地规则，加强小微企业原产地证书申领培训。（市贸促会牵头）\n";
        assert_eq!(
            owners(plan),
            [
                ("正文 1".into(), s(&["市商务局"]), s(&["合肥海关"])),
                ("正文 2".into(), s(&[]), s(&[])),
                ("正文 3".into(), s(&["市贸促会"]), s(&[])),
            ]
        );
        assert_eq!(
            findings_of(plan, "missing-lead")
                .iter()
                .map(|f| f.0)
                .collect::<Vec<_>>(),
            [4]
        );
        let indicators =
            "某市实施方案\n一、主要指标\n1\t垃圾回收利用率\t35%\n2\t生活垃圾分类覆盖率\t90%\n";
        assert_eq!(owners(indicators), []);
        let unknown_header = plan.replace("一、重点任务\n", "一、重点任务\n部门\t事权清单\n");
        assert_eq!(owners(&unknown_header), []);
    }

    /// Issue 21: the same list under a header naming no task column (序号 | 内容) is not read as
    /// tasks, but its owners are said to be unread, at the first clause.
    #[test]
    fn a_table_of_clauses_read_as_no_task_is_said() {
        let plan = "某市实施方案\n一、重点任务\n序号\t内容\n1\t扩大优势产品出口，建立国别商品税率对比清单。（市商务局牵头，合肥海关配合）\n2\t积极扩大进口，推动采购来源多元化，扩大进口规模。\n3\t用好原产地规则，加强小微企业原产地证书申领培训。（市贸促会牵头）\n";
        assert_eq!(owners(plan), []);
        let f = findings_of(plan, "unread-table");
        assert_eq!(
            f,
            [(
                4,
                25,
                "table 1 names owners in 2 responsibility clauses, but none of its rows was read as a task: its header names no task column".to_string()
            )]
        );
        // One clause is no list of owners: a note in brackets, say.
        let one = plan.replace("（市贸促会牵头）", "");
        assert_eq!(findings_of(&one, "unread-table"), []);
    }

    fn doc_text(plan: &str, span: crate::source::Span) -> &str {
        &plan[span.start..span.end]
    }
}
