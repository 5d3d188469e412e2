//! The format-neutral block layer between reading and parsing: a document is a sequence of
//! paragraphs and tables, every piece with a byte span into the decoded text.
//!
//! One reader per format produces blocks ([`crate::input::text`], [`crate::input::markdown`],
//! [`crate::input::docx`]); the parser reads blocks and never looks at the format again, so a
//! new format is a new reader and nothing else.

use crate::span::Span;
use serde::Serialize;

/// One block of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

impl Block {
    pub fn span(&self) -> Span {
        match self {
            Block::Paragraph(p) => p.span,
            Block::Table(t) => t.span,
        }
    }
}

/// A paragraph: its text without indentation and decoration (`　　`, `#`, `**`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub span: Span,
}

/// A table: rows of cells. The first rows may be its header; the reader does not decide which
/// row is the header (the parser does, from the words of the cells).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub span: Span,
    pub rows: Vec<Row>,
    /// The reader knew the row boundaries (Word, Markdown, one row per line), rather than
    /// counting cells against the header (a Word text export writes one cell per line).
    pub exact_rows: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub span: Span,
    pub cells: Vec<Cell>,
    /// The row was written with fewer cells than the table has columns because cells merged
    /// from the rows above were left out (HTML exports): its cells are the rightmost ones.
    pub short: bool,
}

/// A cell: the paragraphs it holds, blank ones dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub paras: Vec<Span>,
    /// The grid column it starts in (0-based; a cell spanning columns advances it).
    pub column: usize,
    /// How many grid columns it spans.
    pub width: usize,
    /// Word marked it as the continuation of the cell above (a vertical merge).
    pub merged_above: bool,
}

impl Cell {
    pub fn new(paras: Vec<Span>, column: usize) -> Cell {
        Cell {
            paras,
            column,
            width: 1,
            merged_above: false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.paras.is_empty()
    }

    /// From its first paragraph to its last.
    pub fn span(&self) -> Option<Span> {
        Some(self.paras.first()?.cover(*self.paras.last()?))
    }
}

/// Counts of what a reader saw, for `parse` and the `no-tasks` finding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Census {
    pub paragraphs: usize,
    pub tables: usize,
    pub rows: usize,
}

pub fn census(blocks: &[Block]) -> Census {
    let mut c = Census::default();
    for b in blocks {
        match b {
            Block::Paragraph(_) => c.paragraphs += 1,
            Block::Table(t) => {
                c.tables += 1;
                c.rows += t.rows.len();
            }
        }
    }
    c
}
