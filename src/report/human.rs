//! Findings rendered by miette, through a window: the lines around a finding, each long line
//! cut to a bounded stretch around the places it shows (marked with …), control characters
//! shown as symbols. A finding deep inside a paragraph-long line reads as well as any other,
//! and nothing a document holds can reach miette's limits or a terminal's escape sequences.

use super::words;
use super::FileReport;
use crate::data::Severity;
use crate::finding::Finding;
use crate::source::{SourceFile, Span};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::borrow::Cow;
use std::fmt;

/// Characters of a long line shown before and after each place a finding marks on it, when
/// the output is not a terminal (a terminal's width decides: [`Style::for_terminal`]). Lines
/// of more than four times as many bytes are cut to windows around the marked places.
pub const AROUND: usize = 60;

/// Text safe to print on a terminal: control characters (ESC, BEL, DEL, C1) become their
/// Unicode pictures (␛) or `\u{9b}`, so a document or a file name cannot move the cursor,
/// retitle the window or clear the screen; bidirectional controls become `\u{202e}`, so a
/// file name cannot show its characters in another order (`evil\u{202e}txt.exe`). Tabs and
/// line feeds stay.
pub fn printable(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && c != '\t' && c != '\n') || is_bidi_control(c);
    if !s.contains(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            '\u{7f}' => out.push('\u{2421}'),
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            c => push_code_point(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// Writes `c` as its code point (`\u{202e}`): shown, not obeyed. The one spelling every output
/// gives a bidirectional control (terminal, GitHub annotations, the HTML report).
pub fn push_code_point(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// The Unicode bidirectional controls (embeddings, overrides, isolates and marks), which
/// reorder what a terminal or a web page shows around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The lines a finding is drawn on, each long line cut around the marked places, control
/// characters made printable; with the way back from window offsets to the source's.
/// How the window shows an invisible character (a zero-width space, a direction mark).
const INVISIBLE_MARK: char = '␣';

pub struct Window<'a> {
    name: String,
    src: &'a SourceFile,
    text: String,
    /// The 0-based source line of the window's first line.
    first_line: usize,
    /// (window offset, source offset) at every kept character boundary, in order.
    map: Vec<(usize, usize)>,
    /// Characters shown each side of a place on a long line.
    around: usize,
}

impl<'a> Window<'a> {
    /// A window on the lines from one before the first of `spans` to one after the last.
    pub fn new(src: &'a SourceFile, name: &str, spans: &[Span]) -> Window<'a> {
        Window::around(src, name, spans, AROUND)
    }

    /// Like [`Window::new`], showing `around` characters each side of a place on a long line.
    pub fn around(src: &'a SourceFile, name: &str, spans: &[Span], around: usize) -> Window<'a> {
        let lo = spans.iter().map(|s| s.start).min().unwrap_or(0);
        let hi = spans.iter().map(|s| s.end).max().unwrap_or(0);
        let first = src.line_of(lo).saturating_sub(1).max(1);
        let last = (src.line_of(hi) + 1).min(src.line_count());
        let mut w = Window {
            name: printable(name).into_owned(),
            src,
            text: String::new(),
            first_line: first - 1,
            map: Vec::new(),
            around: around.max(1),
        };
        for line in first..=last {
            let start = src.line_start(line).unwrap_or(src.text.len());
            let end = src
                .line_start(line + 1)
                .unwrap_or(src.text.len())
                .max(start);
            let end = start + src.text[start..end].trim_end_matches(['\n', '\r']).len();
            if line > first {
                w.text.push('\n');
            }
            w.line(start, end, spans);
        }
        w.map.push((w.text.len(), src.text.len()));
        w
    }

    /// Adds one source line (`start..end`, without its break), cut to windows around the ends
    /// of `spans` that fall on it when it is long.
    fn line(&mut self, start: usize, end: usize, spans: &[Span]) {
        let text = &self.src.text;
        let mut keep: Vec<(usize, usize)> = Vec::new();
        let around = self.around;
        if end - start <= 4 * around {
            keep.push((start, end));
        } else {
            let points = spans
                .iter()
                .flat_map(|s| [s.start, s.end])
                .filter(|&p| start <= p && p <= end)
                .map(|p| text.floor_char_boundary(p));
            for p in points {
                let before = text[start..p]
                    .char_indices()
                    .rev()
                    .nth(around - 1)
                    .map_or(start, |(i, _)| start + i);
                let after = text[p..end]
                    .char_indices()
                    .nth(around)
                    .map_or(end, |(i, _)| p + i);
                keep.push((before, after));
            }
            if keep.is_empty() {
                // A line a finding spans but marks nothing on: its beginning.
                let after = text[start..end]
                    .char_indices()
                    .nth(2 * around)
                    .map_or(end, |(i, _)| start + i);
                keep.push((start, after));
            }
            keep.sort_unstable();
        }
        let mut at = start;
        for (a, b) in keep {
            if b <= at {
                continue;
            }
            if a > at {
                self.text.push('…');
            }
            let mut blank_until = 0;
            for (i, c) in text[a.max(at)..b].char_indices() {
                let offset = a.max(at) + i;
                if offset < blank_until {
                    continue; // the rest of the spaces standing for an invisible character
                }
                self.map.push((self.text.len(), offset));
                match self.invisible_at(offset) {
                    // One visible mark for the character that shows nothing.
                    Some(len) => {
                        self.text.push(INVISIBLE_MARK);
                        blank_until = offset + len;
                    }
                    None => self.text.push_str(&printable(c.encode_utf8(&mut [0; 4]))),
                }
            }
            at = b;
        }
        if at < end {
            self.text.push('…');
        }
        // The line's end: spans ending there map to the end of what is shown.
        self.map.push((self.text.len(), end));
    }

    /// The byte length of the invisible character read at `offset`, if one was.
    fn invisible_at(&self, offset: usize) -> Option<usize> {
        let inv = &self.src.invisible;
        let k = inv.partition_point(|(o, _)| *o < offset);
        inv.get(k)
            .filter(|(o, _)| *o == offset)
            .map(|(_, c)| c.len_utf8())
    }

    /// A source span in window offsets. Its ends are always kept (windows are cut around them).
    pub fn span(&self, s: Span) -> Span {
        let at = |o: usize| {
            let k = self.map.partition_point(|&(_, src)| src < o);
            self.map.get(k).map_or(self.text.len(), |&(w, _)| w)
        };
        let start = at(s.start);
        Span::new(start, at(s.end).max(start))
    }

    /// The source offset of a window offset.
    fn source_offset(&self, w: usize) -> usize {
        let k = self.map.partition_point(|&(win, _)| win < w);
        self.map.get(k).map_or(self.src.text.len(), |&(_, s)| s)
    }
}

/// miette counts the header column in bytes of the text it is given; this source gives the
/// source's line numbers and its **character** columns, the unit planlint uses everywhere.
impl SourceCode for Window<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        let column = if before == 0 {
            self.src.line_col(self.source_offset(span.offset())).column - 1
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            column,
            inner.line_count(),
        )))
    }
}

struct Shown<'a> {
    finding: &'a Finding,
    code: String,
    /// The words under the finding's characters: the rule's name, or its Chinese title for a
    /// reader of Chinese (the name stays in the heading, where configuration refers to it).
    label: String,
    source: Window<'a>,
    /// The finding's span and the related places near enough to draw in the same snippet, in
    /// window offsets.
    primary: Span,
    near: Vec<(Span, String)>,
    help: Option<String>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", printable(&self.finding.message))
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", printable(&self.finding.message))
    }
}

impl std::error::Error for Shown<'_> {}

impl Diagnostic for Shown<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(Some(self.label.clone()), self.primary);
        let related = self
            .near
            .iter()
            .map(|(s, l)| LabeledSpan::new_with_span(Some(printable(l).into_owned()), *s));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

/// An error about one of planlint's own files (planlint.toml, rule data), drawn like a finding.
struct FileError<'a> {
    code: &'a str,
    message: String,
    /// The words under the place: `here` / `此处`.
    label: &'static str,
    source: Option<Window<'a>>,
    span: Option<Span>,
}

impl fmt::Debug for FileError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl fmt::Display for FileError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for FileError<'_> {}

impl Diagnostic for FileError<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.code))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|w| w as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.label.into()),
            span,
        ))))
    }
}

/// An error about planlint's own file `name` (its `text`, the place `span`), for standard error,
/// in `lang` where rules/errors.toml knows the message.
pub fn render_error(
    code: &str,
    message: &str,
    file: Option<(&str, &str, Option<Span>)>,
    lang: crate::data::Lang,
) -> String {
    let src = file.map(|(name, text, _)| SourceFile::new(name, text));
    let span = file.and_then(|(_, _, s)| s);
    let source = src
        .as_ref()
        .zip(span)
        .map(|(src, s)| Window::new(src, &src.name, &[s]));
    let e = FileError {
        code,
        message: printable(&super::error_words::error(message, lang)).into_owned(),
        label: match lang {
            crate::data::Lang::En => "here",
            crate::data::Lang::Zh => "此处",
        },
        span: source.as_ref().zip(span).map(|(w, s)| w.span(s)),
        source,
    };
    let handler =
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, &e).is_err() {
        out = format!("error: {}\n", e.message);
    }
    out
}

/// miette labels a finding's advice `help:`; a Chinese reader gets 建议：, which takes the same
/// six columns, so the advice's wrapped lines stay aligned under it. Only the label at the start
/// of a line (after its colour code) is changed, never text of the document shown above it.
fn help_in_chinese(out: &str) -> String {
    const LABEL: &str = "  help: ";
    out.split_inclusive('\n')
        .map(|line| {
            let colour = if line.starts_with("\u{1b}[") {
                line.find('m').map_or(0, |k| k + 1)
            } else {
                0
            };
            match line[colour..].strip_prefix(LABEL) {
                Some(rest) => format!("{}  建议：{rest}", &line[..colour]),
                None => line.to_string(),
            }
        })
        .collect()
}

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub unicode: bool,
    pub width: usize,
    /// Characters shown each side of a finding on a line longer than four times as many
    /// bytes ([`AROUND`], or what fits the terminal: [`Style::for_terminal`]).
    pub around: usize,
}

impl Style {
    /// Sized to a terminal of `columns`: a Chinese character takes two columns, so a window
    /// of `around` characters each side and the gutter fit on one line.
    pub fn for_terminal(color: bool, columns: usize) -> Style {
        Style {
            color,
            unicode: true,
            width: columns.clamp(40, 400),
            around: (columns.saturating_sub(16) / 4).clamp(10, AROUND),
        }
    }
}

pub fn render_finding(
    src: &SourceFile,
    path: &str,
    f: &Finding,
    directive: Option<&super::DirectiveSource>,
    style: Style,
    lang: crate::data::Lang,
) -> String {
    let theme = match (style.unicode, style.color) {
        (true, true) => GraphicalTheme::unicode(),
        (true, false) => GraphicalTheme::unicode_nocolor(),
        (false, true) => GraphicalTheme::ascii(),
        (false, false) => GraphicalTheme::none(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    // Far-away related places would drag every line between into the snippet: name them instead.
    let line = |s: crate::source::Span| src.line_col(s.start).line;
    let (near, far): (Vec<_>, Vec<_>) = f
        .related
        .iter()
        .cloned()
        .partition(|(s, _)| line(*s).abs_diff(line(f.span)) <= 4);
    let mut help = f.help.clone();
    if !far.is_empty() {
        let places: Vec<String> = far
            .iter()
            .map(|(s, l)| {
                words::labelled(
                    l,
                    &words::line_column(line(*s), src.line_col(s.start).column, lang),
                    lang,
                )
            })
            .collect();
        help = Some(format!(
            "{}{}",
            places.join("; "),
            help.map(|h| format!("\n{h}")).unwrap_or_default()
        ));
    }
    let mut spans = vec![f.span];
    spans.extend(near.iter().map(|(s, _)| *s));
    let source = Window::around(src, path, &spans, style.around);
    let shown = Shown {
        finding: f,
        code: format!("{}/{}", f.code, f.rule),
        label: match lang {
            crate::data::Lang::Zh => words::rule_title(&f.rule, lang),
            crate::data::Lang::En => f.rule.clone(),
        },
        primary: source.span(f.span),
        near: near
            .iter()
            .map(|(s, l)| (source.span(*s), l.clone()))
            .collect(),
        help: help.map(|h| printable(&h).into_owned()),
        source,
    };
    let mut out = String::new();
    let rendered = handler.render_report(&mut out, &shown).is_ok();
    if rendered && lang == crate::data::Lang::Zh {
        out = help_in_chinese(&out);
    } else if !rendered {
        let p = src.position(f.span);
        out = format!(
            "{}:{}:{}: {} [{}] {}\n",
            printable(path),
            p.line,
            p.column,
            f.severity.name(),
            f.code,
            printable(&f.message)
        );
    }
    if let Some(place) = src.place_at(f.span.start) {
        out.push_str(&format!(
            "  {}\n",
            words::located(&place, src.container, lang)
        ));
    }
    if let (Some(d), Some((dpath, dsrc))) = (&f.directive, directive) {
        let p = dsrc.position(d.span);
        let first: String = dsrc
            .slice(d.span)
            .chars()
            .take(60)
            .filter(|c| *c != '\n' && *c != '\r')
            .collect();
        let (directive_word, task_word) = words::directive_label(lang);
        out.push_str(&format!(
            "  {directive_word}: {}:{}:{} {task_word}{}: {}\n",
            printable(dpath),
            p.line,
            p.column,
            printable(d.task.trim()),
            printable(&first)
        ));
    }
    out
}

/// One file's findings (nothing under `quiet`), or the reason it could not be read.
pub fn file(r: &FileReport, style: Style, quiet: bool, lang: crate::data::Lang) -> String {
    let mut out = String::new();
    match &r.outcome {
        Ok(c) => {
            if !quiet {
                for f in &c.findings {
                    out.push_str(&render_finding(
                        &c.src,
                        &r.path,
                        f,
                        c.directive.as_ref(),
                        style,
                        c.lang,
                    ));
                    out.push('\n');
                }
            }
        }
        Err(e) => out.push_str(&format!(
            "{}: {}: {}\n",
            words::severity(Severity::Error, lang),
            printable(&r.path),
            printable(&super::error_words::error(e, lang))
        )),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_shows_what_fits_it() {
        let narrow = Style::for_terminal(false, 80);
        assert_eq!((narrow.width, narrow.around), (80, 16));
        let wide = Style::for_terminal(false, 300);
        assert_eq!((wide.width, wide.around), (300, 60));
        let tiny = Style::for_terminal(false, 20);
        assert_eq!((tiny.width, tiny.around), (40, 10));
        // An 80-column terminal: 16 characters each side of a finding on a long line.
        let line = format!("（一）{}区商务局负责{}", "加".repeat(100), "强".repeat(100));
        let src = SourceFile::new("t.txt", format!("一、任务\n{line}\n"));
        let at = src.text.find("商务局").unwrap();
        let w = Window::around(
            &src,
            "t.txt",
            &[Span::new(at, at + "商务局".len())],
            narrow.around,
        );
        assert_eq!(
            w.text,
            format!(
                "一、任务\n…{}区商务局负责{}…\n",
                "加".repeat(15),
                "强".repeat(14)
            )
        );
    }
}
