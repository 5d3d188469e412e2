//! Byte spans into a decoded text: the one position type every layer shares, below them all
//! (the text, its blocks, the model), so none of them has to import another for it.

use serde::Serialize;

/// A byte range into the decoded text. Both ends lie on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// The span of `part` inside `full`; `part` must be a subslice of `full`.
    pub fn of(full: &str, part: &str) -> Span {
        let start = (part.as_ptr() as usize).wrapping_sub(full.as_ptr() as usize);
        debug_assert!(start <= full.len() && start + part.len() <= full.len());
        debug_assert!(full.is_char_boundary(start) && full.is_char_boundary(start + part.len()));
        Span::new(start, start + part.len())
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// A span moved by `by` bytes (for spans computed inside a sub-slice).
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        (s.start, s.len()).into()
    }
}
