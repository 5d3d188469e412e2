//! The matrix as an Excel workbook (rust_xlsxwriter, standard xlsx that Excel and WPS open):
//! sheet 1 the matrix (header row and first column frozen, one fill colour per verdict, the
//! section rows with their coverage per plan, the coverage row at the bottom), sheet 2 coverage
//! per plan and per section. Both sheets print on A4 landscape.

use super::{Lang, Matrix, Tally, Verdict, Word};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// A4 in Excel's paper size numbering.
const A4: u8 = 9;

/// Writes text taken from the documents (names, paths, sections, tasks). One that opens as a
/// formula would gets Excel's quote prefix, so it stays text even when a user edits the cell,
/// as the CSV's apostrophe does.
fn write_text(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    s: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if super::opens_as_formula(s) {
        ws.write_string_with_format(r, c, s, &format.clone().set_quote_prefix())?;
    } else {
        ws.write_string_with_format(r, c, s, format)?;
    }
    Ok(())
}

pub fn render(m: &Matrix, lang: Lang) -> Result<Vec<u8>, String> {
    build(m, lang).map_err(|e| format!("cannot write the workbook: {e}"))
}

fn build(m: &Matrix, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    matrix_sheet(wb.add_worksheet(), m, lang)?;
    coverage_sheet(wb.add_worksheet(), m, lang)?;
    wb.save_to_buffer()
}

fn base() -> Format {
    Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
        .set_font_size(10)
}

fn head() -> Format {
    base()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xF3F3F3))
}

fn print_setup(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(A4);
    ws.set_repeat_rows(0, 0)?;
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn matrix_sheet(ws: &mut Worksheet, m: &Matrix, lang: Lang) -> Result<(), XlsxError> {
    ws.set_name(if lang == Lang::Zh {
        "覆盖矩阵"
    } else {
        "matrix"
    })?;
    // Plans that could not be read keep a column each after the read ones, every cell saying
    // so (the sheet has no list beside it): `n` counts both.
    let read = m.plans.len() as u16;
    let n = read + m.unread.len() as u16;
    let grey = base()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(0xD9D9D9));
    let (head, text, num) = (
        head(),
        base().set_text_wrap(),
        base().set_align(FormatAlign::Right),
    );
    let section = head.clone().set_background_color(Color::RGB(0xE8EEF7));
    let fill = |v: Verdict| {
        base()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(v.colour()))
    };
    ws.write_string_with_format(0, 0, lang.word(Word::Task), &head)?;
    for (j, p) in m.plans.iter().enumerate() {
        write_text(ws, 0, 1 + j as u16, &p.name, &head)?;
        ws.set_column_width(1 + j as u16, 12)?;
    }
    for (k, (p, _)) in m.unread.iter().enumerate() {
        write_text(ws, 0, 1 + read + k as u16, p, &head)?;
        ws.set_column_width(1 + read + k as u16, 12)?;
    }
    let not_read = |ws: &mut Worksheet, r: u32, f: &Format| -> Result<(), XlsxError> {
        for k in 0..m.unread.len() as u16 {
            ws.write_string_with_format(r, 1 + read + k, lang.word(Word::NotRead), f)?;
        }
        Ok(())
    };
    ws.write_string_with_format(0, n + 1, lang.word(Word::Carried), &head)?;
    ws.write_string_with_format(0, n + 2, lang.word(Word::Directive), &head)?;
    ws.set_column_width(0, 48)?;
    ws.set_column_width(n + 1, 10)?;
    ws.set_column_width(n + 2, 80)?;
    let mut r = 1u32;
    for (s, sec) in m.sections.iter().enumerate() {
        write_text(ws, r, 0, &sec.name, &section)?;
        for j in 0..m.plans.len() {
            let t = m.section_tally(s, j);
            ws.write_string_with_format(r, 1 + j as u16, ratio(&t), &section)?;
        }
        not_read(ws, r, &section)?;
        ws.write_string_with_format(r, n + 1, m.section_total(s).show(), &section)?;
        ws.write_string_with_format(r, n + 2, "", &section)?;
        r += 1;
        for row in &sec.rows {
            write_text(ws, r, 0, &row.short(40), &text)?;
            for (j, c) in row.cells.iter().enumerate() {
                ws.write_string_with_format(r, 1 + j as u16, c.label(lang), &fill(c.verdict()))?;
            }
            not_read(ws, r, &grey)?;
            ws.write_string_with_format(
                r,
                n + 1,
                format!("{}/{}", row.carried(), row.cells.len()),
                &num,
            )?;
            write_text(ws, r, n + 2, &row.full, &text)?;
            r += 1;
        }
    }
    ws.write_string_with_format(r, 0, lang.word(Word::Coverage), &head)?;
    for j in 0..m.plans.len() {
        ws.write_string_with_format(r, 1 + j as u16, m.plan_tally(j).show(), &head)?;
    }
    not_read(ws, r, &head)?;
    ws.write_string_with_format(r, n + 1, m.total().show(), &head)?;
    ws.set_freeze_panes(1, 1)?;
    print_setup(ws)?;
    ws.set_repeat_columns(0, 0)?;
    Ok(())
}

/// The headline rate as a fraction for a percent cell, rounded as the cell shows it (one
/// decimal of a percent): 0.859, not 0.8590000000000001.
fn fraction(t: &Tally) -> f64 {
    (t.percent() * 10.0).round() / 1000.0
}

fn ratio(t: &Tally) -> String {
    format!("{}/{}", t.carried(), t.total)
}

fn coverage_sheet(ws: &mut Worksheet, m: &Matrix, lang: Lang) -> Result<(), XlsxError> {
    ws.set_name(if lang == Lang::Zh {
        "落实率"
    } else {
        "coverage"
    })?;
    let (head, text) = (head(), base().set_text_wrap());
    let int = base();
    let pct = base().set_num_format("0.0%");
    let labels = [
        Verdict::Covered,
        Verdict::Partly,
        Verdict::Missing,
        Verdict::WeakerTarget,
        Verdict::LaterDeadline,
        Verdict::NotApplicable,
    ];
    let mut heads: Vec<&str> = vec![lang.word(Word::Plans), lang.word(Word::Path)];
    heads.extend(labels.iter().map(|v| v.label(lang)));
    heads.extend([lang.word(Word::Task), lang.word(Word::Coverage)]);
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)?;
    }
    let counts = |t: &Tally| {
        [
            t.covered,
            t.partly,
            t.missing,
            t.weaker_target,
            t.later_deadline,
            t.not_applicable,
            t.total,
        ]
    };
    let mut r = 1u32;
    let put = |ws: &mut Worksheet, r: u32, name: &str, path: &str, t: &Tally| {
        write_text(ws, r, 0, name, &text)?;
        write_text(ws, r, 1, path, &text)?;
        for (c, v) in counts(t).iter().enumerate() {
            ws.write_number_with_format(r, 2 + c as u16, *v as f64, &int)?;
        }
        ws.write_number_with_format(r, 9, fraction(t), &pct)?;
        Ok::<(), XlsxError>(())
    };
    for (j, p) in m.plans.iter().enumerate() {
        put(ws, r, &p.name, &p.path, &m.plan_tally(j))?;
        r += 1;
    }
    // A plan that could not be read: its row says so, with the reason, and counts nothing.
    for (p, why) in &m.unread {
        write_text(ws, r, 0, p, &text)?;
        write_text(ws, r, 1, p, &text)?;
        let why = crate::report::error_words::error(why, lang);
        let said = lang.word(Word::NotRead);
        let note = if why.starts_with(said) {
            why.into_owned()
        } else {
            format!("{said}：{why}")
        };
        write_text(ws, r, 2, &note, &text)?;
        r += 1;
    }
    put(ws, r, lang.word(Word::Total), "", &m.total())?;
    r += 2;
    ws.write_string_with_format(r, 0, lang.word(Word::Section), &head)?;
    for (j, p) in m.plans.iter().enumerate() {
        write_text(ws, r, 1 + j as u16, &p.name, &head)?;
    }
    let last = 1 + m.plans.len() as u16;
    ws.write_string_with_format(r, last, lang.word(Word::Total), &head)?;
    for (s, sec) in m.sections.iter().enumerate() {
        r += 1;
        write_text(ws, r, 0, &sec.name, &text)?;
        for j in 0..m.plans.len() {
            let t = m.section_tally(s, j);
            ws.write_number_with_format(r, 1 + j as u16, fraction(&t), &pct)?;
        }
        ws.write_number_with_format(r, last, fraction(&m.section_total(s)), &pct)?;
    }
    ws.set_column_width(0, 36)?;
    ws.set_column_width(1, 24)?;
    for c in 2..last.max(10) + 1 {
        ws.set_column_width(c, 11)?;
    }
    print_setup(ws)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::write_text;
    use rust_xlsxwriter::{Format, Workbook};
    use std::io::Read;

    fn styles_of(texts: &[&str]) -> String {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (r, t) in texts.iter().enumerate() {
            write_text(ws, r as u32, 0, t, &Format::new().set_text_wrap()).unwrap();
        }
        let bytes = wb.save_to_buffer().unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut styles = String::new();
        zip.by_name("xl/styles.xml")
            .unwrap()
            .read_to_string(&mut styles)
            .unwrap();
        styles
    }

    /// A plan named `=HYPERLINK(…)` or a task opening with `@`, `+`, `-`: text with a quote
    /// prefix, which Excel keeps as text when the cell is edited. Other text gets none.
    #[test]
    fn text_that_opens_as_a_formula_gets_a_quote_prefix() {
        for t in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(A1)",
            "+1",
            "-2",
            "\tx",
        ] {
            assert!(
                styles_of(&["县市场监管局", t]).contains("quotePrefix=\"1\""),
                "{t}"
            );
        }
        assert!(!styles_of(&["县市场监管局", "（一）加强监管"]).contains("quotePrefix"));
    }
}
