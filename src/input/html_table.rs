//! HTML tables inside Markdown (`<table>…</table>`, pandoc's form for tables with merged
//! cells): rows of cells, with `colspan` as the cell's width and `rowspan` as cells merged
//! from above (empty, `merged_above`) in the rows it covers, as Word's vMerge is read.
//!
//! ```text
//! table := "<table" … ("<tr" … ("<td"|"<th" attrs ">" text ("</td>"|"</th>")?)* ("</tr>")?)* "</table>"
//! ```
//! Tags other than these split a cell's text into paragraphs (`<br>`, `<p>`); text outside
//! cells is not read.

use crate::blocks::{Cell, Row, Table};
use crate::lex::trim;
use crate::source::Span;

/// Widths beyond this are taken as this (HTML allows 1000; a task table has a dozen columns).
const MAX_WIDTH: usize = 100;

/// The table written in `html` (which starts at byte `at` of the text), if it has a cell.
pub fn read(html: &str, at: usize) -> Option<Table> {
    let mut t = Builder {
        at,
        rows: Vec::new(),
        row: None,
        cell: None,
        carry: Vec::new(),
        // Cells made for rowspans are bounded by the input, so a few bytes of `<tr>` never
        // stand for thousands of cells.
        budget: html.len(),
    };
    let mut pos = 0;
    while let Some(lt) = html[pos..].find('<').map(|k| pos + k) {
        t.text(html, pos, lt);
        let Some(gt) = html[lt..].find('>').map(|k| lt + k) else {
            pos = html.len();
            break;
        };
        let tag = &html[lt + 1..gt];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match (name.as_str(), closing) {
            ("tr", false) => t.open_row(lt),
            ("tr", true) => t.close_row(),
            ("td" | "th", false) => {
                t.close_cell();
                if t.row.is_none() {
                    t.open_row(lt);
                }
                t.open_cell(number(tag, "colspan"), number(tag, "rowspan"));
            }
            ("td" | "th", true) => t.close_cell(),
            ("table", true) => break,
            // Any other tag (`<br>`, `<p>`) ends a piece of text: each piece is a paragraph.
            _ => {}
        }
        pos = gt + 1;
    }
    t.text(html, pos, html.len());
    t.close_row();
    (!t.rows.is_empty()).then(|| Table {
        span: Span::new(at, at + html.len()),
        rows: t.rows,
        exact_rows: true,
    })
}

/// The value of `key="N"` (or `key=N`) in a tag, at least 1.
fn number(tag: &str, key: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    let Some(k) = lower.find(key) else { return 1 };
    let rest = lower[k + key.len()..].trim_start();
    let Some(rest) = rest.strip_prefix('=') else {
        return 1;
    };
    let digits: String = rest
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(char::is_ascii_digit)
        .take(6)
        .collect();
    digits.parse().unwrap_or(1).max(1)
}

struct Builder {
    at: usize,
    rows: Vec<Row>,
    /// The open row: its cells and where it started.
    row: Option<(Vec<Cell>, usize)>,
    /// The open cell: its paragraphs, width and rowspan.
    cell: Option<(Vec<Span>, usize, usize)>,
    /// Per grid column, how many more rows a cell above covers.
    carry: Vec<usize>,
    budget: usize,
}

impl Builder {
    fn open_row(&mut self, lt: usize) {
        self.close_row();
        self.row = Some((Vec::new(), self.at + lt));
    }

    fn close_row(&mut self) {
        self.close_cell();
        let Some((mut cells, start)) = self.row.take() else {
            return;
        };
        let next = cells.last().map_or(0, |c| c.column + c.width);
        self.merged_until(&mut cells, next, self.carry.len());
        if cells.iter().all(Cell::is_empty) {
            return;
        }
        let span = cells
            .iter()
            .filter_map(Cell::span)
            .reduce(|a, b| a.cover(b))
            .unwrap_or(Span::new(start, start));
        self.rows.push(Row {
            span,
            cells,
            short: false,
        });
    }

    /// Cells merged from above in the columns `from..to` still covered by a rowspan.
    fn merged_until(&mut self, cells: &mut Vec<Cell>, from: usize, to: usize) {
        for column in from..to.min(self.carry.len()) {
            if self.carry[column] > 0 && self.budget > 0 {
                self.carry[column] -= 1;
                self.budget -= 1;
                let mut c = Cell::new(Vec::new(), column);
                c.merged_above = true;
                cells.push(c);
            }
        }
    }

    fn open_cell(&mut self, width: usize, rowspan: usize) {
        self.cell = Some((Vec::new(), width.min(MAX_WIDTH), rowspan));
    }

    fn close_cell(&mut self) {
        let Some((paras, width, rowspan)) = self.cell.take() else {
            return;
        };
        let Some((mut cells, start)) = self.row.take() else {
            return;
        };
        let mut column = cells.last().map_or(0, |c| c.column + c.width);
        // Columns a cell above still covers come first.
        while self.carry.get(column).is_some_and(|&n| n > 0) {
            self.merged_until(&mut cells, column, column + 1);
            column += 1;
        }
        if self.carry.len() < column + width {
            self.carry.resize(column + width, 0);
        }
        for c in &mut self.carry[column..column + width] {
            *c = rowspan - 1;
        }
        let mut cell = Cell::new(paras, column);
        cell.width = width;
        cells.push(cell);
        self.row = Some((cells, start));
    }

    /// The text between tags, a paragraph of the open cell unless blank.
    fn text(&mut self, html: &str, from: usize, to: usize) {
        let Some((paras, _, _)) = &mut self.cell else {
            return;
        };
        let Some(piece) = html.get(from..to) else {
            return;
        };
        let t = trim(piece);
        if !t.is_empty() {
            paras.push(Span::of(piece, t).shift(self.at + from));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::read;

    /// Each row as (column, width, merged, text) per cell.
    fn grid(html: &str) -> Vec<Vec<(usize, usize, bool, String)>> {
        let t = read(html, 0).unwrap();
        t.rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| {
                        let text: Vec<&str> =
                            c.paras.iter().map(|s| &html[s.start..s.end]).collect();
                        (c.column, c.width, c.merged_above, text.join("/"))
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn rowspan_gives_merged_cells_and_colspan_width() {
        let html = "<table>\n<thead><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr></thead>\n\
            <tbody><tr><td>1</td><td>加强监管<br/>落实责任</td><td rowspan=\"2\">市场监管局</td></tr>\n\
            <tr><td>2</td><td>开展检查</td></tr>\n<tr><td colspan=\"2\">合计</td><td>x</td></tr></tbody></table>";
        let s = |x: &str| x.to_string();
        assert_eq!(
            grid(html),
            [
                vec![
                    (0, 1, false, s("序号")),
                    (1, 1, false, s("任务")),
                    (2, 1, false, s("牵头单位"))
                ],
                vec![
                    (0, 1, false, s("1")),
                    (1, 1, false, s("加强监管/落实责任")),
                    (2, 1, false, s("市场监管局"))
                ],
                vec![
                    (0, 1, false, s("2")),
                    (1, 1, false, s("开展检查")),
                    (2, 1, true, s(""))
                ],
                vec![(0, 2, false, s("合计")), (2, 1, false, s("x"))],
            ]
        );
    }

    #[test]
    fn a_rowspan_on_the_first_column_shifts_the_cells_right() {
        let html = "<table><tr><td rowspan=3>一</td><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr></table>";
        let cols: Vec<Vec<(usize, bool)>> = read(html, 0)
            .unwrap()
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| (c.column, c.merged_above)).collect())
            .collect();
        assert_eq!(
            cols,
            [
                vec![(0, false), (1, false)],
                vec![(0, true), (1, false)],
                vec![(0, true), (1, false)]
            ]
        );
        // A huge rowspan over thousands of empty rows makes no more cells than bytes.
        let hostile = format!(
            "<table><tr><td rowspan=999999 colspan=999>x</td></tr>{}</table>",
            "<tr></tr>".repeat(10_000)
        );
        let cells: usize = read(&hostile, 0)
            .unwrap()
            .rows
            .iter()
            .map(|r| r.cells.len())
            .sum();
        assert_eq!(cells, 1);
    }
}
