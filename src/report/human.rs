//! Findings rendered by miette, with the header column counted in characters.

use super::{FileReport, Summary};
use crate::data::Severity;
use crate::finding::Finding;
use crate::source::SourceFile;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// miette's own header counts the column in bytes; this source reports character columns, the
/// unit planlint uses everywhere. Underlines are placed by miette and are right either way.
pub struct CharColumns<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

impl SourceCode for CharColumns<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let column = if before == 0 {
            let start = span.offset().min(self.text.len());
            let line_start = self.text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            self.text
                .get(line_start..start)
                .map_or(inner.column(), |s| s.chars().count())
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

struct Shown<'a> {
    finding: &'a Finding,
    code: String,
    source: CharColumns<'a>,
    /// Related places near enough to draw in the same snippet.
    near: Vec<(crate::source::Span, String)>,
    help: Option<String>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.finding.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.finding.message)
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
        let f = self.finding;
        let primary = LabeledSpan::new_primary_with_span(Some(f.rule.clone()), f.span);
        let related = self
            .near
            .iter()
            .map(|(s, l)| LabeledSpan::new_with_span(Some(l.clone()), *s));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub unicode: bool,
    pub width: usize,
}

pub fn render_finding(
    src: &SourceFile,
    path: &str,
    f: &Finding,
    directive: Option<&super::DirectiveSource>,
    style: Style,
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
                format!(
                    "{l}: line {}, column {}",
                    line(*s),
                    src.line_col(s.start).column
                )
            })
            .collect();
        help = Some(format!(
            "{}{}",
            places.join("; "),
            help.map(|h| format!("\n{h}")).unwrap_or_default()
        ));
    }
    let shown = Shown {
        finding: f,
        code: format!("{}/{}", f.code, f.rule),
        source: CharColumns {
            name: path,
            text: &src.text,
        },
        near,
        help,
    };
    let mut out = String::new();
    if handler.render_report(&mut out, &shown).is_err() {
        let p = src.position(f.span);
        out = format!(
            "{path}:{}:{}: {} [{}] {}\n",
            p.line,
            p.column,
            f.severity.name(),
            f.code,
            f.message
        );
    }
    if let Some(place) = src.place_at(f.span.start) {
        out.push_str(&format!("  in Word: {place}\n"));
    }
    if let (Some(d), Some((dpath, dsrc))) = (&f.directive, directive) {
        let p = dsrc.position(d.span);
        let first: String = dsrc
            .slice(d.span)
            .chars()
            .take(60)
            .filter(|c| *c != '\n' && *c != '\r')
            .collect();
        out.push_str(&format!(
            "  directive: {dpath}:{}:{} task {}: {first}\n",
            p.line,
            p.column,
            d.task.trim()
        ));
    }
    out
}

pub fn render(reports: &[FileReport], style: Style, summary: bool, quiet: bool) -> String {
    let mut out = String::new();
    for r in reports {
        match &r.outcome {
            Ok(c) => {
                if quiet {
                    continue;
                }
                for f in &c.findings {
                    out.push_str(&render_finding(
                        &c.src,
                        &r.path,
                        f,
                        c.directive.as_ref(),
                        style,
                    ));
                    out.push('\n');
                }
            }
            Err(e) => out.push_str(&format!("error: {}: {e}\n", r.path)),
        }
    }
    if summary {
        out.push_str(&format!("planlint: {}\n", Summary::of(reports).line()));
    }
    out
}
