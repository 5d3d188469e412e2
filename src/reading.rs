//! Reading one source as one stage: its blocks (`input`), then the parse over them, so the
//! parser never looks at formats and the readers never at the parser's model.

use crate::data::RuleData;
use crate::model::Document;
use crate::source::SourceFile;

/// Parses a plan read by the reader of its format. Never panics on any text.
pub fn parse_document(src: &SourceFile, data: &RuleData) -> Document {
    // Invisible characters and accents inside words (负\u{200B}责) are read past: the parser
    // reads the text without them, and its spans are taken back to the text as read.
    if let Some(c) = crate::compact::Compacted::of(src) {
        let blocks = crate::input::blocks(&c.src, &data.lexicon);
        let mut doc = crate::parse::parse_blocks(&c.src, &blocks, data);
        doc.map_spans(|s| c.back(s));
        return doc;
    }
    let blocks = crate::input::blocks(src, &data.lexicon);
    crate::parse::parse_blocks(src, &blocks, data)
}
