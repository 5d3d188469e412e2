//! The text the parser reads when a document holds invisible characters or accents on Chinese
//! characters: the same text without them, so `负\u{200B}责` and `负\u{301}责` read as 负责, and
//! a map that takes every span the parser finds back to the text as read.
//!
//! The source keeps them (as spaces, [`crate::source::SourceFile::invisible`]) so that offsets,
//! columns and Word places stay true to the file; only the parser reads the compacted copy, and
//! the model it builds is mapped back before any rule sees it.

use crate::blocks::{Block, Cell, Row, Table};
use crate::source::{Format, SourceFile, Span};

/// A compacted copy of a source and the way back.
pub struct Compacted {
    pub src: SourceFile,
    /// Per removed stretch: its offset in the compacted text and the bytes removed up to and
    /// including it, in order.
    removed: Vec<(usize, usize)>,
    /// The removed stretches in the original text, in order.
    original: Vec<Span>,
}

impl Compacted {
    /// The copy of `src` without its invisible characters and accents, or None when it has
    /// none.
    pub fn of(src: &SourceFile) -> Option<Compacted> {
        if src.invisible.is_empty() && src.marks.is_empty() {
            return None;
        }
        let mut cut: Vec<Span> = src
            .invisible
            .iter()
            .chain(&src.marks)
            .map(|&(at, c)| Span::new(at, at + c.len_utf8()))
            .collect();
        cut.sort_unstable_by_key(|s| s.start);
        // Adjacent characters make one stretch.
        let mut original: Vec<Span> = Vec::with_capacity(cut.len());
        for s in cut {
            match original.last_mut() {
                Some(last) if last.end == s.start => last.end = s.end,
                _ => original.push(s),
            }
        }
        let mut text = String::with_capacity(src.text.len());
        let mut removed = Vec::with_capacity(original.len());
        let mut from = 0;
        let mut total = 0;
        for s in &original {
            text.push_str(&src.text[from..s.start]);
            total += s.end - s.start;
            removed.push((text.len(), total));
            from = s.end;
        }
        text.push_str(&src.text[from..]);
        let mut copy = SourceFile::with_encoding(src.name.clone(), text, src.encoding);
        let mut c = Compacted {
            src: SourceFile::new("", "一"),
            removed,
            original,
        };
        copy.format = match &src.format {
            Format::Word(blocks) => Format::Word(blocks.iter().map(|b| c.block_in(b)).collect()),
            f => f.clone(),
        };
        c.src = copy;
        Some(c)
    }

    /// A span of the compacted text in the text as read. Its start moves past characters
    /// removed right before it, its end does not (a span never grows over them).
    pub fn back(&self, s: Span) -> Span {
        let before = |at: usize, inclusive: bool| {
            let k = self
                .removed
                .partition_point(|&(p, _)| if inclusive { p <= at } else { p < at });
            k.checked_sub(1).map_or(0, |k| self.removed[k].1)
        };
        let start = s.start + before(s.start, true);
        let end = s.end + before(s.end, false);
        Span::new(start, end.max(start))
    }

    /// An offset of the text as read in the compacted text (inside a removed stretch: where it
    /// was).
    fn offset_in(&self, at: usize) -> usize {
        let k = self.original.partition_point(|s| s.start < at);
        let Some(prev) = k.checked_sub(1) else {
            return at;
        };
        let s = self.original[prev];
        let (p, total) = self.removed[prev];
        if at < s.end {
            p
        } else {
            at - total
        }
    }

    fn span_in(&self, s: Span) -> Span {
        let start = self.offset_in(s.start);
        Span::new(start, self.offset_in(s.end).max(start))
    }

    /// A Word block of the text as read, in the compacted text.
    fn block_in(&self, b: &Block) -> Block {
        match b {
            Block::Paragraph(p) => {
                let mut p = *p;
                p.span = self.span_in(p.span);
                Block::Paragraph(p)
            }
            Block::Table(t) => Block::Table(Table {
                span: self.span_in(t.span),
                rows: t
                    .rows
                    .iter()
                    .map(|r| Row {
                        span: self.span_in(r.span),
                        cells: r
                            .cells
                            .iter()
                            .map(|c| Cell {
                                paras: c.paras.iter().map(|&s| self.span_in(s)).collect(),
                                ..c.clone()
                            })
                            .collect(),
                        short: r.short,
                    })
                    .collect(),
                exact_rows: t.exact_rows,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_go_back_over_the_removed_characters() {
        let src = SourceFile::new(
            "t",
            "（区市场监管局负\u{200B}\u{200E}责）\n（一）负\u{301}责",
        );
        let c = Compacted::of(&src).unwrap();
        assert_eq!(c.src.text, "（区市场监管局负责）\n（一）负责");
        let find = |t: &str, s: &str| {
            let at = t.find(s).unwrap();
            Span::new(at, at + s.len())
        };
        // 负责 in the copy is 负, the two removed characters and 责 as read.
        let s = c.back(find(&c.src.text, "负责"));
        assert_eq!(
            s,
            Span::new(find(&src.text, "负").start, find(&src.text, "责").end)
        );
        // 责 alone starts after them; 负 alone ends before them.
        assert_eq!(c.back(find(&c.src.text, "责）")), find(&src.text, "责）"));
        let fu = find(&c.src.text, "负");
        assert_eq!(c.back(fu), find(&src.text, "负"));
        // After the accent on the second line.
        let second = c.src.text.rfind("责").unwrap();
        assert_eq!(
            c.back(Span::new(second, second + 3)).start,
            src.text.rfind("责").unwrap()
        );
        // An empty span at a removed stretch stays empty.
        let at = fu.end;
        let b = c.back(Span::new(at, at));
        assert!(b.is_empty());
        // Offsets as read inside a removed stretch go to where it was.
        let zw = src.invisible[0].0;
        assert_eq!(c.offset_in(zw + 1), fu.end);
        assert_eq!(c.offset_in(src.text.len()), c.src.text.len());
        assert!(Compacted::of(&SourceFile::new("t", "负责")).is_none());
    }
}
