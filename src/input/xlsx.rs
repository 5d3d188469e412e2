//! Excel workbooks (.xlsx): every sheet a table block, laid out as a Word table is (one line per
//! cell, each starting with a tab, then a blank line after the row). A merged region is its
//! top-left cell, as wide as the region, with a cell merged from above (as Word's vMerge) in
//! each row below it, so a 牵头单位 merged over two rows leads both. Rows above the header with
//! one value (the title 任务分工表) are paragraphs before the table; the sheet's name, unless it
//! is Excel's default, is a paragraph before them (附件1 labels the tasks as a heading would).
//! Empty rows are skipped. Every cell line is placed at its sheet (the n-th, as `table`) and its
//! real row and column, so `table 2, row 12, column 3` is `C12` of the second sheet.

use super::docx::{Capped, Text, XML_PER_TEXT};
use crate::blocks::{Block, Cell, Paragraph, Row, Table};
use crate::source::{Container, Encoding, Place, SourceFile, Span};
use calamine::{DataRef, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::Cursor;

/// A merged region: its first and last (row, column), 0-based.
type Region = ((u32, u32), (u32, u32));

/// Reads an .xlsx; the archive's parts are read once, bounded by [`XML_PER_TEXT`] times
/// `max_size` in all (a zip bomb is refused before calamine opens it), and the text made of the
/// cells by `max_size`.
pub fn read(name: &str, bytes: &[u8], max_size: u64) -> Result<SourceFile, String> {
    let broken = |e: &dyn std::fmt::Display| format!("the Excel workbook is broken: {e}");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| broken(&e))?;
    let limit = max_size.saturating_mul(XML_PER_TEXT);
    let mut left = limit;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| broken(&e))?;
        let mut capped = Capped {
            inner: entry,
            left,
            over: false,
        };
        let read = std::io::copy(&mut capped, &mut std::io::sink());
        if capped.over {
            return Err(format!(
                "the Excel workbook unpacks to more than {} ({XML_PER_TEXT} times the size limit; raise it with --max-size or max-size in planlint.toml)",
                super::size_text(limit)
            ));
        }
        read.map_err(|e| broken(&e))?;
        left = capped.left;
    }
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| broken(&e))?;
    let mut text = Text::default();
    let mut taken = 0u64;
    for (n, sheet) in book.sheet_names().into_iter().enumerate() {
        let merged = book
            .merge_cells_by_sheet_name(&sheet)
            .map_err(|e| broken(&e))?;
        let mut values: BTreeMap<u32, BTreeMap<u32, String>> = BTreeMap::new();
        let mut cells = book
            .worksheet_cells_reader(&sheet)
            .map_err(|e| broken(&e))?;
        while let Some(cell) = cells.next_cell().map_err(|e| broken(&e))? {
            let v = value(cell.get_value());
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            taken += v.len() as u64;
            if taken > max_size {
                return Err(format!(
                    "the Excel workbook's text is larger than the size limit of {} (raise it with --max-size or max-size in planlint.toml)",
                    super::size_text(max_size)
                ));
            }
            let (r, c) = cell.get_position();
            values.entry(r).or_default().insert(c, v.to_string());
        }
        drop(cells);
        let regions: Vec<Region> = merged.iter().map(|d| (d.start, d.end)).collect();
        sheet_blocks(&mut text, n + 1, &sheet, &values, &regions);
    }
    text.into_source(name, Encoding::Utf8, "Excel workbook", Container::Workbook)
}

/// A cell's value as a person reads it: whole numbers without `.0`, dates as 2025年6月30日.
fn value(v: &DataRef) -> String {
    match v {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => s.to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) if d.is_datetime() && d.as_f64() >= 1.0 => {
            let (y, m, day) = civil(d.as_f64() as i64);
            format!("{y}年{m}月{day}日")
        }
        DataRef::DateTime(d) => d.as_f64().to_string(),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// The date of an Excel serial day (1900 system; day 60 is Excel's 1900-02-29).
fn civil(serial: i64) -> (i64, u32, u32) {
    // Days from 1970-01-01: serial 25569 is that day (serials past 60 count the false leap day).
    let z = serial - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Excel's names for a sheet nobody named (they label nothing).
fn default_name(name: &str) -> bool {
    let rest = name
        .strip_prefix("Sheet")
        .or_else(|| name.strip_prefix("工作表"));
    rest.is_some_and(|r| r.chars().all(|c| c.is_ascii_digit()))
}

/// One sheet's paragraphs and table.
fn sheet_blocks(
    text: &mut Text,
    sheet: usize,
    name: &str,
    values: &BTreeMap<u32, BTreeMap<u32, String>>,
    regions: &[Region],
) {
    // Where a merged region covers a cell: its top-left cell and its last column.
    let region_at = |r: u32, c: u32| {
        regions
            .iter()
            .find(|((r0, c0), (r1, c1))| (*r0..=*r1).contains(&r) && (*c0..=*c1).contains(&c))
    };
    // The columns in use: those holding a value or starting a merged region. Columns no row
    // uses carry nothing and are not written (a cell written at column 4,000,000 of a broken
    // or hostile sheet would otherwise make four million empty cells per row).
    let used: Vec<u32> = values
        .values()
        .flat_map(|r| r.keys().copied())
        .chain(regions.iter().map(|((_, c0), _)| *c0))
        .collect::<std::collections::BTreeSet<u32>>()
        .into_iter()
        .collect();
    if values.is_empty() || used.is_empty() {
        return;
    }
    let rank = |c: u32| used.partition_point(|&u| u < c);
    if !default_name(name) && !name.trim().is_empty() {
        paragraph(text, Place::Paragraph { paragraph: 0 }, name.trim());
    }
    let mut table: Option<(usize, Vec<Row>)> = None;
    for (&r, row) in values {
        if table.is_none() && row.len() < 2 {
            // A title above the header.
            for (&c, v) in row {
                paragraph(text, cell_place(sheet, r, c), v);
            }
            continue;
        }
        let (_, rows) = table.get_or_insert_with(|| (text.out.len(), Vec::new()));
        let mut cells = Vec::new();
        let mut k = 0;
        while k < used.len() {
            let c = used[k];
            let place = cell_place(sheet, r, c);
            let (width, merged_above) = match region_at(r, c) {
                // As wide as the columns in use it covers.
                Some(&((r0, c0), (_, c1))) if c0 == c => (rank(c1.saturating_add(1)) - k, r > r0),
                // Covered by a region starting to the left: part of that cell.
                Some(_) => {
                    k += 1;
                    continue;
                }
                None => (1, false),
            };
            let width = width.max(1);
            let v = if merged_above {
                ""
            } else {
                row.get(&c).map_or("", String::as_str)
            };
            let mut paras: Vec<&str> = v.lines().map(str::trim).filter(|p| !p.is_empty()).collect();
            if paras.is_empty() {
                paras.push("");
            }
            let mut spans = Vec::new();
            let l = text.line(place, &format!("\t{}", paras[0]));
            if !paras[0].is_empty() {
                spans.push(Span::new(l.start + 1, l.end));
            }
            for p in &paras[1..] {
                spans.push(text.line(place, p));
            }
            cells.push(Cell {
                paras: spans,
                column: k,
                width,
                merged_above,
            });
            k += width;
        }
        let span = cells
            .iter()
            .filter_map(Cell::span)
            .reduce(|a, b| a.cover(b))
            .unwrap_or(Span::new(text.out.len(), text.out.len()));
        rows.push(Row {
            span,
            cells,
            short: false,
        });
        text.line(cell_place(sheet, r, used[used.len() - 1]), "");
    }
    if let Some((start, rows)) = table {
        text.tables += 1;
        text.blocks.push(Block::Table(Table {
            span: Span::new(start, text.out.len()),
            rows,
            exact_rows: true,
        }));
    }
}

/// A cell as Excel counts it (1-based row and column), the sheet as the table.
fn cell_place(sheet: usize, r: u32, c: u32) -> Place {
    Place::Cell {
        table: sheet,
        row: r as usize + 1,
        column: c as usize + 1,
    }
}

fn paragraph(text: &mut Text, place: Place, line: &str) {
    let place = match place {
        Place::Paragraph { .. } => {
            text.paragraphs += 1;
            Place::Paragraph {
                paragraph: text.paragraphs,
            }
        }
        p => p,
    };
    let span = text.line(place, line);
    text.blocks.push(Block::Paragraph(Paragraph { span }));
}

/// A zip archive holding an Excel workbook part (what a file is, whatever its name).
pub fn is_workbook(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .is_ok_and(|z| z.index_for_name("xl/workbook.xml").is_some())
}

#[cfg(test)]
mod tests {
    use super::civil;

    #[test]
    fn excel_serial_days_are_dates() {
        assert_eq!(civil(25569), (1970, 1, 1));
        assert_eq!(civil(45838), (2025, 6, 30));
        assert_eq!(civil(44196), (2020, 12, 31));
    }
}
