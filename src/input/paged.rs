//! Paged documents (PDF, OFD): text placed on pages, rebuilt into paragraphs. Pieces of text
//! with their positions become lines (by baseline, left to right); page numbers (`- 3 -`,
//! `第3页`) and running headers and footers (the same words at the top or the bottom of most
//! pages) are dropped; a line is joined to the next where it runs to the right margin and the
//! next is neither indented nor a numbered item (in a document without first-line indents,
//! where it also does not end a sentence). Every paragraph is one line of the text, placed at
//! the page and line where it starts.

use super::docx::Text;
use crate::blocks::{Block, Paragraph};
use crate::source::Place;
use std::collections::HashMap;

/// A piece of text on a page: where it starts (`x` from the left edge, `y` its baseline from
/// the top, in any one unit), its font size and how far it advances, in the same unit.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub width: f64,
    pub text: String,
}

/// The pieces of one page, in any order.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub pieces: Vec<Piece>,
}

/// A line of a page as a person sees it.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    /// 1-based, counting every line of the page from the top (headers too).
    number: usize,
    x0: f64,
    x1: f64,
    size: f64,
    text: String,
}

/// Writes the paragraphs of `pages` into `text`; an error when they come to more than
/// `max_size` bytes of text.
pub(super) fn write(
    pages: &[Page],
    text: &mut Text,
    what: &str,
    max_size: u64,
) -> Result<(), String> {
    let mut lines: Vec<Vec<Line>> = pages
        .iter()
        .enumerate()
        .map(|(k, p)| lines_of(p, k + 1))
        .collect();
    drop_page_furniture(&mut lines);
    let all: Vec<Line> = lines.into_iter().flatten().collect();
    let total: usize = all.iter().map(|l| l.text.len()).sum();
    if total as u64 > max_size {
        return Err(format!(
            "the {what}'s text is larger than the size limit of {} (raise it with --max-size or max-size in planlint.toml)",
            super::size_text(max_size)
        ));
    }
    let margins = Margins::of(&all);
    let indents = all
        .iter()
        .filter(|l| (l.x0 - margins.left - 2.0 * l.size).abs() < 0.5 * l.size)
        .count();
    let indented_document = indents >= 2;
    let mut k = 0;
    while k < all.len() {
        let first = &all[k];
        let mut para = first.text.trim().to_string();
        while k + 1 < all.len() && continues(&all[k], &all[k + 1], &margins, indented_document) {
            k += 1;
            join(&mut para, all[k].text.trim());
        }
        let place = Place::Page {
            page: first.page,
            line: first.number,
        };
        let span = text.line(place, &para);
        text.paragraphs += 1;
        text.blocks.push(Block::Paragraph(Paragraph { span }));
        k += 1;
    }
    Ok(())
}

/// Whether `next` goes on with the paragraph `line` is in.
fn continues(line: &Line, next: &Line, margins: &Margins, indented_document: bool) -> bool {
    let (left, right) = (margins.left, margins.right);
    let size = line.size.max(next.size);
    let full = line.x1 >= right - 1.5 * size;
    let indented = next.x0 > left + 0.8 * size;
    let same_font = (line.size - next.size).abs() <= 0.2 * size;
    let closed = line
        .text
        .trim_end()
        .ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':']);
    full && !indented && same_font && !numbered(next.text.trim()) && (indented_document || !closed)
}

/// Appends a line to a paragraph: directly (a number broken over two lines is one number), or
/// with a space between two Latin words.
fn join(para: &mut String, next: &str) {
    let a = para.chars().next_back();
    let b = next.chars().next();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let digits = a.is_some_and(|c| c.is_ascii_digit()) && b.is_some_and(|c| c.is_ascii_digit());
    if latin(a) && latin(b) && !digits {
        para.push(' ');
    }
    para.push_str(next);
}

/// A line that opens a numbered item or heading: 一、 （一） (1) 1. 1、 （1） 第一章 第一条.
pub(super) fn numbered(t: &str) -> bool {
    const CN: &str = "一二三四五六七八九十百零〇";
    let is_num = |c: char| c.is_ascii_digit() || CN.contains(c) || ('０'..='９').contains(&c);
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(first, '（' | '(') {
        let inner: String = chars
            .by_ref()
            .take_while(|c| !matches!(c, '）' | ')'))
            .collect();
        return !inner.is_empty() && inner.chars().count() <= 3 && inner.chars().all(is_num);
    }
    if first == '第' {
        let rest: String = chars.take_while(|c| !c.is_whitespace()).take(6).collect();
        let n = rest.chars().take_while(|&c| is_num(c)).count();
        return n > 0
            && rest
                .chars()
                .nth(n)
                .is_some_and(|c| matches!(c, '章' | '条' | '节' | '部' | '篇'));
    }
    if !is_num(first) {
        return false;
    }
    let n = 1 + chars.clone().take_while(|&c| is_num(c)).count();
    if n > 3 {
        return false;
    }
    t.chars()
        .nth(n)
        .is_some_and(|c| matches!(c, '、' | '.' | '．' | '，'))
        && !t.chars().nth(n + 1).is_some_and(|c| c.is_ascii_digit())
}

/// The lines of one page: pieces on one baseline (within half their size) make a line, read
/// left to right; a piece drawn twice at nearly the same place (fake bold) is read once.
fn lines_of(page: &Page, number: usize) -> Vec<Line> {
    let mut pieces: Vec<&Piece> = page
        .pieces
        .iter()
        .filter(|p| {
            !p.text.trim().is_empty()
                && p.x.is_finite()
                && p.y.is_finite()
                && p.width.is_finite()
                && p.size.is_finite()
                && p.size > 0.0
        })
        .collect();
    pieces.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<&Piece>> = Vec::new();
    for p in pieces {
        match groups.last_mut() {
            Some(g) if (p.y - g[0].y).abs() <= 0.5 * g[0].size.max(p.size) => g.push(p),
            _ => groups.push(vec![p]),
        }
    }
    let mut out = Vec::with_capacity(groups.len());
    for (k, mut g) in groups.into_iter().enumerate() {
        g.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut text = String::new();
        let mut end = f64::NEG_INFINITY;
        let mut last: Option<&Piece> = None;
        let mut sizes = Vec::with_capacity(g.len());
        for p in &g {
            if let Some(l) = last {
                if l.text == p.text && (p.x - l.x).abs() < 0.3 * p.size {
                    continue;
                }
                let gap = p.x - end;
                let a = text.chars().next_back();
                let b = p.text.chars().next();
                let latin = a.is_some_and(|c| c.is_ascii_alphanumeric())
                    && b.is_some_and(|c| c.is_ascii_alphanumeric());
                if gap > p.size || (latin && gap > 0.2 * p.size) {
                    text.push(' ');
                }
            }
            text.push_str(&p.text);
            end = end.max(p.x + p.width);
            sizes.push(p.size);
            last = Some(p);
        }
        sizes.sort_by(f64::total_cmp);
        out.push(Line {
            page: number,
            number: k + 1,
            x0: g[0].x,
            x1: end,
            size: sizes[sizes.len() / 2],
            text,
        });
    }
    out
}

/// A page number alone on a line: `3`, `- 3 -`, `— 3 —`, `-3-`, `第3页`, `第3页 共10页`,
/// `共10页 第3页`, `3/10`, `Page 3`.
pub(super) fn is_page_number(t: &str) -> bool {
    let s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if !s.chars().any(|c| c.is_ascii_digit()) || s.chars().count() > 16 {
        return false;
    }
    let rest: String = s.chars().filter(|c| !c.is_ascii_digit()).collect();
    let rest = rest.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·' | '•' | '─'));
    matches!(
        rest,
        "" | "第页"
            | "第页共页"
            | "第页，共页"
            | "第页,共页"
            | "共页第页"
            | "/"
            | "Page"
            | "Pageof"
    )
}

/// Drops page numbers (up to two lines at each end of a page) and running headers and footers:
/// a first or last line whose words, digits aside, stand first or last on at least half the
/// pages (and two).
fn drop_page_furniture(pages: &mut [Vec<Line>]) {
    for lines in pages.iter_mut() {
        for _ in 0..2 {
            if lines.last().is_some_and(|l| is_page_number(&l.text)) {
                lines.pop();
            }
            if lines.first().is_some_and(|l| is_page_number(&l.text)) {
                lines.remove(0);
            }
        }
    }
    let key = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .collect()
    };
    let n = pages.len();
    if n < 2 {
        return;
    }
    let mut tops: HashMap<String, usize> = HashMap::new();
    let mut bottoms: HashMap<String, usize> = HashMap::new();
    for lines in pages.iter() {
        if let Some(l) = lines.first() {
            *tops.entry(key(l)).or_default() += 1;
        }
        if let Some(l) = lines.last() {
            *bottoms.entry(key(l)).or_default() += 1;
        }
    }
    let running = |m: &HashMap<String, usize>, k: &str| {
        !k.is_empty() && m.get(k).is_some_and(|&c| c >= 2 && 2 * c >= n)
    };
    for lines in pages.iter_mut() {
        if lines.len() > 1 && lines.first().is_some_and(|l| running(&tops, &key(l))) {
            lines.remove(0);
        }
        if lines.len() > 1 && lines.last().is_some_and(|l| running(&bottoms, &key(l))) {
            lines.pop();
        }
    }
}

/// The text block: its left margin (where most lines start) and right margin (where most
/// long lines end), the same on every page (a page of short lines, such as a catalogue in an
/// attachment, says nothing about the margin).
struct Margins {
    left: f64,
    right: f64,
}

impl Margins {
    fn of(lines: &[Line]) -> Margins {
        let left = mode(lines.iter().map(|l| l.x0)).unwrap_or(0.0);
        let long: Vec<f64> = lines
            .iter()
            .filter(|l| l.text.chars().count() >= 10)
            .map(|l| l.x1)
            .collect();
        let right = mode(long.iter().copied())
            .or_else(|| lines.iter().map(|l| l.x1).max_by(f64::total_cmp))
            .unwrap_or(0.0);
        Margins { left, right }
    }
}

/// The most common value, rounded to a tenth of a unit (the first of equals, from the left).
fn mode(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for v in values {
        *counts.entry((v * 10.0).round() as i64).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(v, _)| v as f64 / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_numbered_items() {
        for yes in [
            "3",
            "- 3 -",
            "— 12 —",
            "-3-",
            "第3页",
            "第 3 页 共 10 页",
            "3/10",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["2025年", "一、总体要求", "（3）", "3.加强监管", "第三章"] {
            assert!(!is_page_number(no), "{no}");
        }
        for yes in [
            "一、总体要求",
            "（一）加强",
            "(2)开展",
            "1.加强",
            "12、落实",
            "第三章 附则",
            "第十二条 本办法",
        ] {
            assert!(numbered(yes), "{yes}");
        }
        for no in [
            "2025年底前完成",
            "加强监管",
            "1.5倍以上",
            "（县市场监管局负责）",
            "第3页",
        ] {
            assert!(!numbered(no), "{no}");
        }
    }

    fn piece(x: f64, y: f64, text: &str) -> Piece {
        Piece {
            x,
            y,
            size: 10.0,
            width: 10.0 * text.chars().count() as f64,
            text: text.into(),
        }
    }

    #[test]
    fn wrapped_lines_join_and_page_furniture_goes() {
        // Left margin 0, right margin 100 (ten characters), first-line indent of two.
        let page = |n: usize, body: &[Piece]| {
            let mut pieces = vec![piece(20.0, 0.0, "某县人民政府文件")];
            pieces.extend(body.iter().cloned());
            pieces.push(piece(40.0, 300.0, &format!("- {n} -")));
            Page { pieces }
        };
        let pages = [
            page(
                1,
                &[
                    piece(0.0, 20.0, "一、总体要求"),
                    piece(20.0, 40.0, "加强食品安全监"),
                    piece(0.0, 60.0, "管工作，到"),
                    piece(50.0, 60.0, "2025"),
                    piece(90.0, 60.0, "年"),
                    piece(0.0, 80.0, "完成。"),
                    piece(0.0, 100.0, "1.开展抽检工作落实"),
                ],
            ),
            page(2, &[piece(0.0, 20.0, "到位。（县市场监管局负责）")]),
        ];
        let mut text = Text::default();
        write(&pages, &mut text, "PDF", 1 << 20).unwrap();
        assert_eq!(
            text.out,
            "一、总体要求\n加强食品安全监管工作，到2025年完成。\n1.开展抽检工作落实到位。（县市场监管局负责）\n"
        );
        assert_eq!(
            text.places
                .iter()
                .map(|(_, p)| p.to_string())
                .collect::<Vec<_>>(),
            ["page 1, line 2", "page 1, line 3", "page 1, line 6"]
        );
    }
}
