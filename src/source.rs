//! Source text: decoding bytes into text once, byte spans, and line/character positions.
//!
//! Every position planlint reports is a [`Span`] (a byte range into [`SourceFile::text`], the
//! decoded text with any byte-order mark removed) and is shown as a 1-based line and a 1-based
//! **character** column. Columns are computed here and nowhere else.

pub use crate::span::Span;
use serde::Serialize;
use std::fmt;

/// A 1-based line and 1-based character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Where a span starts and ends, as people count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// How the bytes were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
        }
    }

    pub fn parse(name: &str) -> Option<Encoding> {
        match name.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "utf-8-bom" | "utf8-bom" => Some(Encoding::Utf8Bom),
            "utf-16le" | "utf16le" | "utf-16" => Some(Encoding::Utf16Le),
            "utf-16be" | "utf16be" => Some(Encoding::Utf16Be),
            "gb18030" | "gbk" | "gb2312" => Some(Encoding::Gb18030),
            _ => None,
        }
    }
}

/// Why bytes could not become a plan's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
    /// Neither UTF-8 nor GB18030; where UTF-8 first fails (1-based line, byte offset, byte).
    Undecodable(Option<(usize, usize, u8)>),
    NotChinese,
    WrongEncoding(&'static str),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty or holds only white space"),
            DecodeError::Binary => write!(f, "the file is binary, not a text document"),
            DecodeError::Undecodable(None) => write!(
                f,
                "the file is neither UTF-8, UTF-16 with a byte-order mark, nor GB18030/GBK text"
            ),
            DecodeError::Undecodable(Some((line, offset, byte))) => write!(
                f,
                "the file is neither UTF-8 (byte 0x{byte:02X} at line {line}, byte offset {offset} is invalid), UTF-16 with a byte-order mark, nor GB18030/GBK text"
            ),
            DecodeError::NotChinese => {
                write!(
                    f,
                    "the text holds no Chinese characters, so it is not a plan"
                )
            }
            DecodeError::WrongEncoding(name) => {
                write!(
                    f,
                    "the file cannot be decoded as {name} (as --encoding asks)"
                )
            }
        }
    }
}

/// Decodes a document: BOM first, then UTF-8, then GB18030 (which covers GBK and GB2312).
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<(String, Encoding), DecodeError> {
    let (text, encoding) = match forced {
        Some(enc) => (
            decode_as(bytes, enc).ok_or(DecodeError::WrongEncoding(enc.name()))?,
            enc,
        ),
        None => sniff(bytes)?,
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    if !text.chars().any(is_cjk) {
        return Err(DecodeError::NotChinese);
    }
    Ok((text, encoding))
}

fn sniff(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    for enc in [Encoding::Utf8Bom, Encoding::Utf16Le, Encoding::Utf16Be] {
        if bytes.starts_with(bom(enc)) {
            return decode_as(bytes, enc)
                .map(|t| (t, enc))
                .ok_or(DecodeError::Undecodable(None));
        }
    }
    // NUL bytes never occur in UTF-8 or GB18030 text: this is UTF-16 without a byte-order
    // mark (ASCII characters have a NUL byte, all on one side), or a binary file.
    if bytes.contains(&0) {
        return utf16_without_bom(bytes).ok_or(DecodeError::Binary);
    }
    let bad = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), Encoding::Utf8)),
        Err(e) => e.valid_up_to(),
    };
    let line = 1 + bytes[..bad].iter().filter(|&&b| b == b'\n').count();
    decode_as(bytes, Encoding::Gb18030)
        .map(|t| (t, Encoding::Gb18030))
        .ok_or(DecodeError::Undecodable(Some((line, bad, bytes[bad]))))
}

/// UTF-16 text without a byte-order mark: an even length, NUL bytes mostly on one side of their
/// code unit (the high byte of ASCII characters: odd offsets in little-endian text), and text
/// that decodes cleanly, holds no control characters but white space, and some Chinese.
fn utf16_without_bom(bytes: &[u8]) -> Option<(String, Encoding)> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let nul_at = |parity: usize| {
        bytes
            .iter()
            .enumerate()
            .filter(|(i, b)| **b == 0 && i % 2 == parity)
            .count()
    };
    // Characters such as 一 (U+4E00) put a NUL on the other side: a few are allowed.
    let enc = match (nul_at(0), nul_at(1)) {
        (even, odd) if odd >= 4 * even => Encoding::Utf16Le,
        (even, odd) if even >= 4 * odd => Encoding::Utf16Be,
        _ => return None,
    };
    let text = decode_as(bytes, enc)?;
    let clean = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    (clean && text.chars().any(is_cjk)).then_some((text, enc))
}

fn bom(enc: Encoding) -> &'static [u8] {
    match enc {
        Encoding::Utf8Bom => b"\xEF\xBB\xBF",
        Encoding::Utf16Le => b"\xFF\xFE",
        Encoding::Utf16Be => b"\xFE\xFF",
        _ => b"",
    }
}

fn decode_as(bytes: &[u8], enc: Encoding) -> Option<String> {
    let body = bytes.strip_prefix(bom(enc)).unwrap_or(bytes);
    let codec = match enc {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            let body = bytes.strip_prefix(bom(Encoding::Utf8Bom)).unwrap_or(bytes);
            return std::str::from_utf8(body).ok().map(str::to_string);
        }
        Encoding::Utf16Le => encoding_rs::UTF_16LE,
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        Encoding::Gb18030 => encoding_rs::GB18030,
    };
    codec
        .decode_without_bom_handling_and_without_replacement(body)
        .map(|c| c.into_owned())
}

/// CJK ideographs (the basic block and extension A) and CJK punctuation count as Chinese.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A decoded document with its line-start table.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    pub encoding: Encoding,
    line_starts: Vec<usize>,
    /// Characters before every [`MARK_STEP`]-th byte, made the first time a column is asked for
    /// on a long line, so a line of a megabyte with thousands of findings is not recounted from
    /// its start for each.
    char_marks: std::sync::OnceLock<Vec<usize>>,
    /// For text read out of a Word document: where each stretch of text came from, by the byte
    /// offset where it starts (sorted). Empty for plain text.
    pub places: Vec<(usize, Place)>,
    /// How the text is laid out, which decides the reader of its blocks.
    pub format: Format,
    /// The invisible characters of the text as read (zero-width spaces, direction marks, a
    /// byte-order mark inside the text), by byte offset. `text` holds each as ASCII spaces of
    /// the same byte length, so the parser reads `市场\u{200B}监管局` as it reads any spaced
    /// text, spans stay byte offsets into what was read, and columns count the character once.
    pub invisible: Vec<(usize, char)>,
    /// Combining marks (accents, U+0300…) written on a Chinese character, by byte offset: kept
    /// in the text (they show), but no Chinese word carries one, so a keyword holding one
    /// (`负\u{301}责`) is not read.
    pub marks: Vec<(usize, char)>,
    /// The tracked changes a Word document still holds (its text was read as if all were
    /// accepted); None for every other source.
    pub revisions: Option<Revisions>,
    /// The kind of document `places` are in.
    pub container: Container,
}

/// Tracked changes (修订) left in a Word document: how many of each kind, and the first line
/// holding one (or following a deletion that left nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Revisions {
    pub inserted: usize,
    pub deleted: usize,
    pub moved: usize,
    pub span: Span,
}

/// A combining mark of the blocks that copy-paste and input methods leave behind.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The combining marks of `text` that follow a Chinese character (or another such mark).
fn marks_on_chinese(text: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut on_chinese = false;
    for (i, c) in text.char_indices() {
        if is_combining_mark(c) {
            if on_chinese {
                out.push((i, c));
            }
        } else {
            on_chinese = is_cjk(c);
        }
    }
    out
}

/// Characters that show nothing and mean nothing in a Chinese plan, but break matching of
/// names and numbering when text is copied from web pages or Word: Unicode format characters
/// (general category Cf) that occur in such copies, and the soft hyphen. Mongolian free
/// variation selectors and emoji variation selectors are left alone: they shape visible text.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// The characters that end a line besides `\n` and `\r` (Unicode's mandatory breaks, but the
/// form feed a text export puts between pages): NEL, the line tabulation a pasted Word manual
/// line break becomes, and the Unicode line and paragraph separators.
pub const OTHER_LINE_BREAKS: [char; 4] = ['\u{85}', '\u{B}', '\u{2028}', '\u{2029}'];

/// `text` with every [`OTHER_LINE_BREAKS`] character written as `\n`, after as many spaces as
/// it has bytes beyond one: every reader, rule and line count that knows `\n` sees the line end,
/// and no offset moves (the spaces end the line before, where trailing space means nothing).
fn breaks_as_newlines(text: String) -> String {
    if !text.contains(OTHER_LINE_BREAKS) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if OTHER_LINE_BREAKS.contains(&c) {
            out.extend(std::iter::repeat_n(' ', c.len_utf8() - 1));
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with every invisible character replaced by as many ASCII spaces as it has bytes,
/// and the characters replaced with their offsets.
fn blank_invisible(text: String) -> (String, Vec<(usize, char)>) {
    if !text.contains(is_invisible) {
        return (text, Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    for (i, c) in text.char_indices() {
        if is_invisible(c) {
            found.push((i, c));
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    (out, found)
}

/// The layout of a source's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Format {
    /// Plain text (also tab-separated exports); Markdown is recognised by its content.
    #[default]
    Text,
    /// Markdown, by its file name.
    Markdown,
    /// Read from a Word document, whose blocks came from its XML.
    Word(Vec<crate::blocks::Block>),
}

/// The kind of document a source was read out of, which names its places for a reader
/// (`in Word: table 2, row 3`, `in the workbook: sheet 2, cell C12`, `in the page: …`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Container {
    #[default]
    Word,
    Workbook,
    WebPage,
    /// PDF and OFD: places are pages and lines.
    Paged,
}

/// A place in a Word document a person can find: the n-th paragraph outside tables, or a cell;
/// in a paged document (PDF, OFD), the page and the line on it where a paragraph starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    Paragraph {
        paragraph: usize,
    },
    Cell {
        table: usize,
        row: usize,
        column: usize,
    },
    Page {
        page: usize,
        line: usize,
    },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Paragraph { paragraph } => write!(f, "paragraph {paragraph}"),
            Place::Cell { table, row, column } => {
                write!(f, "table {table}, row {row}, column {column}")
            }
            Place::Page { page, line } => write!(f, "page {page}, line {line}"),
        }
    }
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile::with_encoding(name, text, Encoding::Utf8)
    }

    pub fn with_encoding(
        name: impl Into<String>,
        text: impl Into<String>,
        encoding: Encoding,
    ) -> SourceFile {
        let text = text.into();
        // One scan for the common case of a text with none of them.
        let (text, invisible, marks) = if text
            .contains(|c| is_invisible(c) || is_combining_mark(c) || OTHER_LINE_BREAKS.contains(&c))
        {
            let (text, invisible) = blank_invisible(breaks_as_newlines(text));
            let marks = marks_on_chinese(&text);
            (text, invisible, marks)
        } else {
            (text, Vec::new(), Vec::new())
        };
        let line_starts = line_starts(&text);
        SourceFile {
            name: name.into(),
            text,
            encoding,
            line_starts,
            char_marks: std::sync::OnceLock::new(),
            places: Vec::new(),
            format: Format::Text,
            invisible,
            marks,
            revisions: None,
            container: Container::Word,
        }
    }

    /// The Word place holding a byte offset, for documents read from .docx.
    pub fn place_at(&self, offset: usize) -> Option<Place> {
        let i = self.places.partition_point(|(start, _)| *start <= offset);
        i.checked_sub(1).map(|i| self.places[i].1)
    }

    /// Reads, decodes and wraps bytes.
    pub fn from_bytes(
        name: impl Into<String>,
        bytes: &[u8],
        forced: Option<Encoding>,
    ) -> Result<SourceFile, DecodeError> {
        let (text, encoding) = decode(bytes, forced)?;
        Ok(SourceFile::with_encoding(name, text, encoding))
    }

    /// The text of a span, or "" when the span does not fit the text (never panics).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line of a byte offset, without counting its column (which reads the line).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// 1-based line and character column of a byte offset. A `\r\n` pair is one line break.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let idx = self.line_of(offset) - 1;
        let start = self.line_starts[idx];
        let column = if offset - start < MARK_STEP {
            self.text
                .get(start..offset)
                .map(|s| s.chars().count())
                .unwrap_or(0)
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        LineCol {
            line: idx + 1,
            column: column - self.blanked_extra(start, offset) + 1,
        }
    }

    pub fn position(&self, span: Span) -> Position {
        let a = self.line_col(span.start);
        let b = self.line_col(span.end);
        Position {
            line: a.line,
            column: a.column,
            end_line: b.line,
            end_column: b.column,
        }
    }

    /// The spaces counted in `start..offset` beyond one per invisible character they stand for
    /// (an offset inside one counts as its start).
    fn blanked_extra(&self, start: usize, offset: usize) -> usize {
        let from = self.invisible.partition_point(|(o, _)| *o < start);
        self.invisible[from..]
            .iter()
            .take_while(|(o, _)| *o < offset)
            .map(|(o, c)| (offset - o).min(c.len_utf8() - 1))
            .sum()
    }

    /// Characters before a byte offset: the mark at or before it, then the bytes after the mark
    /// that start a character.
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = vec![0];
            for chunk in bytes.chunks(MARK_STEP) {
                marks.push(marks[marks.len() - 1] + starts_of_chars(chunk));
            }
            marks
        });
        let k = offset / MARK_STEP;
        marks[k] + starts_of_chars(&bytes[k * MARK_STEP..offset])
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }
}

/// The distance between two marks of [`SourceFile::chars_before`], in bytes.
const MARK_STEP: usize = 4096;

/// Bytes that start a UTF-8 character (all but continuation bytes).
fn starts_of_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// Lines of `text` with their spans, without the line break; `\r\n`, `\n` and lone `\r` end a line.
pub fn lines(text: &str) -> impl Iterator<Item = (Span, &str)> {
    let mut rest_start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let rest = &text[rest_start..];
        let (len, brk) = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => (i, 2),
            Some(i) => (i, 1),
            None => {
                done = true;
                (rest.len(), 0)
            }
        };
        let span = Span::new(rest_start, rest_start + len);
        rest_start += len + brk;
        Some((span, &text[span.start..span.end]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_read_as_spaces_and_count_once() {
        let f = SourceFile::new(
            "t",
            "一、总则\n（一）市场\u{200B}监管局\u{200E}\u{FEFF}负责",
        );
        assert_eq!(f.text, "一、总则\n（一）市场   监管局      负责");
        let zwsp = "一、总则\n（一）市场".len();
        let lrm = zwsp + 3 + "监管局".len();
        assert_eq!(
            f.invisible,
            vec![(zwsp, '\u{200B}'), (lrm, '\u{200E}'), (lrm + 3, '\u{FEFF}')]
        );
        assert_eq!(f.line_col(zwsp), LineCol { line: 2, column: 6 });
        assert_eq!(f.line_col(zwsp + 1), LineCol { line: 2, column: 6 });
        assert_eq!(f.line_col(zwsp + 2), LineCol { line: 2, column: 6 });
        assert_eq!(f.line_col(zwsp + 3), LineCol { line: 2, column: 7 });
        assert_eq!(
            f.line_col(lrm + 3),
            LineCol {
                line: 2,
                column: 11
            }
        );
        assert_eq!(
            f.line_col(f.text.find("负责").unwrap()),
            LineCol {
                line: 2,
                column: 12
            }
        );
        assert_eq!(f.line_col(3), LineCol { line: 1, column: 2 });
        // Visible text is kept as it is.
        let f = SourceFile::new("t", "第一条\u{3000}ᠮᠣᠩᠭᠣᠯ\u{180B}");
        assert_eq!(f.text, "第一条\u{3000}ᠮᠣᠩᠭᠣᠯ\u{180B}");
        assert!(f.invisible.is_empty());
        assert!(f.marks.is_empty());
        // Accents on Chinese characters are found; on Latin letters they are the letter's.
        let f = SourceFile::new("t", "负\u{301}责，café，e\u{301}，责\u{301}\u{302}");
        let at = "负".len();
        let last = f.text.rfind('责').unwrap() + 3;
        assert_eq!(
            f.marks,
            vec![(at, '\u{301}'), (last, '\u{301}'), (last + 2, '\u{302}')]
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let f = SourceFile::new("t", "一、总则\n（一）强化");
        let off = f.text.find("强化").unwrap();
        assert_eq!(f.line_col(off), LineCol { line: 2, column: 4 });
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn crlf_and_lone_cr_are_one_break_each() {
        let f = SourceFile::new("t", "甲\r\n乙\r丙\n丁");
        assert_eq!(f.line_count(), 4);
        assert_eq!(f.line_col(f.text.find('丙').unwrap()).line, 3);
        let ls: Vec<&str> = lines(&f.text).map(|(_, l)| l).collect();
        assert_eq!(ls, vec!["甲", "乙", "丙", "丁"]);
    }

    #[test]
    fn decodes_gb18030_and_utf16() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("食品安全工作方案");
        assert_eq!(
            decode(&gbk, None).unwrap(),
            ("食品安全工作方案".to_string(), Encoding::Gb18030)
        );
        let mut u16 = vec![0xFF, 0xFE];
        for u in "食品安全".encode_utf16() {
            u16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&u16, None).unwrap().1, Encoding::Utf16Le);
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_read() {
        let text = "一、加强监管\n1.落实责任（市场监管局负责）\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le, None), Ok((text.to_string(), Encoding::Utf16Le)));
        assert_eq!(decode(&be, None), Ok((text.to_string(), Encoding::Utf16Be)));
        // NUL bytes on both sides: binary.
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", None),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn rejects_non_plans() {
        assert_eq!(decode(b"", None), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t", None), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0", None),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(b"hello world", None), Err(DecodeError::NotChinese));
        assert_eq!(
            decode(&[0xFF, 0x30, 0x81], None),
            Err(DecodeError::Undecodable(Some((1, 0, 0xFF))))
        );
    }

    #[test]
    fn columns_on_long_lines_count_from_marks() {
        let line = "a食".repeat(3 * MARK_STEP);
        let f = SourceFile::new("t", format!("一\n{line}\n{line}"));
        for (at, column) in [
            (0, 1),
            (1, 2),
            (4 * 999, 2 * 999 + 1),
            (line.len(), 2 * 3 * MARK_STEP + 1),
        ] {
            assert_eq!(f.line_col(4 + at), LineCol { line: 2, column }, "{at}");
            assert_eq!(
                f.line_col(5 + line.len() + at),
                LineCol { line: 3, column },
                "{at}"
            );
        }
    }

    #[test]
    fn slice_never_panics() {
        let f = SourceFile::new("t", "食品");
        assert_eq!(f.slice(Span::new(1, 2)), "");
        assert_eq!(f.slice(Span::new(0, 3)), "食");
        assert_eq!(f.slice(Span::new(3, 99)), "");
    }
}
