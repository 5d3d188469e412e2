//! Reports: findings of checked files rendered for people (miette) or programs (JSON, SARIF,
//! GitHub). A report is written as the files come: each file's part is rendered where the file
//! was checked and written in argument order, so memory holds a few files' output, not a run's.

pub mod concise;
pub mod coverage;
pub mod error_words;
pub mod github;
pub mod human;
pub mod json;
pub mod man;
pub mod parse_view;
pub mod sarif;
pub mod words;

use crate::data::{Catalogue, Severity};
use crate::finding::Finding;
use std::collections::BTreeMap;
use std::io::Write;

/// A finding's message with the Word place it points at, for one-line formats (SARIF, GitHub,
/// concise), in the language of the check.
pub fn message_with_place(c: &Checked, f: &Finding) -> String {
    match c.src.place_at(f.span.start) {
        Some(place) => format!(
            "{} ({})",
            f.message,
            words::located(&place, c.src.container, c.lang)
        ),
        None => f.message.clone(),
    }
}

pub use crate::finding::{Checked, DirectiveSource, FileReport};

/// Counts for the closing summary.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    /// Inputs of the run, read or not.
    pub files: usize,
    /// Files with at least one finding reported (the summary line's 涉及 N 个文件).
    pub with_findings: usize,
    pub failed_files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
    pub by_rule: BTreeMap<String, usize>,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary::default();
        for r in reports {
            s.add(&Summary::file(r));
        }
        s
    }

    /// The counts of one file.
    pub fn file(r: &FileReport) -> Summary {
        let mut s = Summary {
            files: usize::from(!r.config),
            ..Summary::default()
        };
        match &r.outcome {
            Ok(c) => {
                s.suppressed = c.suppressed;
                s.with_findings = usize::from(!c.findings.is_empty());
                for f in &c.findings {
                    match f.severity {
                        Severity::Error => s.errors += 1,
                        Severity::Warning => s.warnings += 1,
                        Severity::Info => s.infos += 1,
                    }
                    *s.by_rule.entry(f.rule.clone()).or_default() += 1;
                }
            }
            Err(_) => s.failed_files = 1,
        }
        s
    }

    pub fn add(&mut self, other: &Summary) {
        self.files += other.files;
        self.with_findings += other.with_findings;
        self.failed_files += other.failed_files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.suppressed += other.suppressed;
        for (rule, n) in &other.by_rule {
            *self.by_rule.entry(rule.clone()).or_default() += n;
        }
    }

    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// Files read and checked (not those that could not be read).
    pub fn checked(&self) -> usize {
        self.files - self.failed_files
    }

    /// The summary line in English: the files named are those with findings, and the files
    /// checked follow when some had none.
    pub fn line(&self) -> String {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let mut s = if self.findings() == 0 {
            format!("0 findings in {} checked", plural(self.checked(), "file"))
        } else {
            let mut s = format!(
                "{} ({} error{}, {} warning{}, {} info) in {}",
                plural(self.findings(), "finding"),
                self.errors,
                if self.errors == 1 { "" } else { "s" },
                self.warnings,
                if self.warnings == 1 { "" } else { "s" },
                self.infos,
                plural(self.with_findings, "file")
            );
            if self.with_findings < self.checked() {
                s.push_str(&format!(" (of {} checked)", self.checked()));
            }
            s
        };
        if self.suppressed > 0 {
            s.push_str(&format!(
                "; {} accepted by ignores or the baseline",
                plural(self.suppressed, "finding")
            ));
        }
        if self.failed_files > 0 {
            s.push_str(&format!(
                "; {} could not be read",
                plural(self.failed_files, "file")
            ));
        }
        s
    }
}

/// A report format with what it needs to render one file's part.
#[derive(Clone, Copy)]
pub enum Format<'a> {
    Human {
        style: human::Style,
        quiet: bool,
        /// The language of a file's read error (its findings carry their own).
        lang: crate::data::Lang,
    },
    Json,
    Sarif(&'a Catalogue),
    Github,
    /// `lang`: the language of a file's read error, as in the human view.
    Concise {
        lang: crate::data::Lang,
    },
}

/// One file's part of a report, rendered where the file was checked.
pub struct Part {
    pub text: String,
    pub summary: Summary,
    /// For a file that could not be read: its path and why.
    pub failure: Option<(String, String)>,
}

impl Part {
    /// A file's counts and failure, without text (a run that writes a baseline, not a report).
    pub fn counts(r: &FileReport) -> Part {
        Part {
            text: String::new(),
            summary: Summary::file(r),
            failure: r
                .outcome
                .as_ref()
                .err()
                .map(|e| (r.path.clone(), e.clone())),
        }
    }
}

impl Format<'_> {
    pub fn part(&self, r: &FileReport) -> Part {
        let text = match self {
            Format::Human { style, quiet, lang } => human::file(r, *style, *quiet, *lang),
            Format::Json => json::file(r),
            Format::Sarif(catalogue) => sarif::file(r, catalogue),
            Format::Github => github::file(r),
            Format::Concise { lang } => concise::file(r, *lang),
        };
        Part {
            text,
            ..Part::counts(r)
        }
    }
}

/// Where a report goes (standard output in the binary). Every write is checked: a closed pipe
/// (`planlint check … | head`) silences the rest, which is not an error; any other failure (a
/// full disk) is kept, ends the run, and makes its status 2.
pub struct Output<'w> {
    inner: &'w mut dyn Write,
    closed: bool,
    failed: Option<std::io::Error>,
}

impl<'w> Output<'w> {
    pub fn new(inner: &'w mut dyn Write) -> Output<'w> {
        Output {
            inner,
            closed: false,
            failed: None,
        }
    }

    pub fn write(&mut self, s: &str) {
        if !self.closed && self.failed.is_none() {
            let r = self.inner.write_all(s.as_bytes());
            self.note(r);
        }
    }

    pub fn flush(&mut self) {
        if !self.closed && self.failed.is_none() {
            let r = self.inner.flush();
            self.note(r);
        }
    }

    fn note(&mut self, r: std::io::Result<()>) {
        match r {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => self.closed = true,
            Err(e) => self.failed = Some(e),
            Ok(()) => {}
        }
    }

    /// Why writing failed (never a closed pipe).
    pub fn failure(&self) -> Option<&std::io::Error> {
        self.failed.as_ref()
    }
}

/// Writes a report's parts in order between its opening and its closing.
pub struct Writer<'a> {
    format: Format<'a>,
    summary_line: bool,
    /// The opening is written (JSON and SARIF).
    opened: bool,
    pub summary: Summary,
    failures: Vec<(String, String)>,
    /// The language of the summary line.
    pub lang: crate::data::Lang,
}

impl<'a> Writer<'a> {
    pub fn new(format: Format<'a>, summary_line: bool) -> Writer<'a> {
        Writer {
            format,
            summary_line,
            lang: crate::data::Lang::En,
            opened: false,
            summary: Summary::default(),
            failures: Vec::new(),
        }
    }

    pub fn part(&mut self, out: &mut Output, part: Part) {
        // JSON opens before its first file, SARIF before its first result: a report without
        // any closes an empty array.
        let open = match self.format {
            Format::Json => Some(json::OPENING),
            Format::Sarif(_) if !part.text.is_empty() => Some(sarif::OPENING),
            _ => None,
        };
        match open {
            Some(o) if !self.opened => {
                out.write(o);
                self.opened = true;
            }
            Some(_) => out.write(",\n"),
            None => {}
        }
        out.write(&part.text);
        self.summary.add(&part.summary);
        if let (Format::Sarif(_), Some(f)) = (self.format, part.failure) {
            self.failures.push(f);
        }
    }

    /// Writes the closing: the summary line, or the totals and read errors of JSON and SARIF.
    pub fn finish(self, out: &mut Output) -> Summary {
        let closing = match self.format {
            Format::Json => json::closing(self.opened, &self.summary),
            Format::Sarif(catalogue) => {
                sarif::closing(self.opened, &self.failures, catalogue, self.lang)
            }
            _ if self.summary_line => {
                format!("planlint: {}\n", words::summary(&self.summary, self.lang))
            }
            _ => String::new(),
        };
        out.write(&closing);
        self.summary
    }
}

/// A whole report as text (for tests and the fuzzers; the binary streams it).
pub fn render(reports: &[FileReport], format: Format, summary_line: bool) -> String {
    let mut bytes = Vec::new();
    let mut out = Output::new(&mut bytes);
    let mut w = Writer::new(format, summary_line);
    for r in reports {
        w.part(&mut out, format.part(r));
    }
    w.finish(&mut out);
    String::from_utf8(bytes).unwrap_or_default()
}

/// Pretty JSON of a value standing `indent` spaces in (the first line is not indented: it
/// follows its key).
pub fn pretty_at(value: &serde_json::Value, indent: usize) -> String {
    let mut out = String::new();
    write_pretty_at(value, indent, &mut out);
    out
}

/// [`pretty_at`] of any serialisable value, appended to `out` without an intermediate copy.
pub fn write_pretty_at<T: serde::Serialize + ?Sized>(value: &T, indent: usize, out: &mut String) {
    let start = out.len();
    let mut bytes = std::mem::take(out).into_bytes();
    let mut ser = serde_json::Serializer::with_formatter(&mut bytes, PaddedPretty::new(indent));
    let ok = value.serialize(&mut ser).is_ok();
    // serde_json writes valid UTF-8 only; on an error the value is left out, as before.
    *out = String::from_utf8(bytes).unwrap_or_default();
    if !ok {
        out.truncate(start);
    }
}

/// serde_json's pretty printer (two spaces a level) with every line after the first indented
/// `pad` spaces more.
struct PaddedPretty {
    pad: usize,
    depth: usize,
    has_value: bool,
}

impl PaddedPretty {
    fn new(pad: usize) -> PaddedPretty {
        PaddedPretty {
            pad,
            depth: 0,
            has_value: false,
        }
    }

    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8] = &[b' '; 64];
        w.write_all(b"\n")?;
        let mut n = self.pad + 2 * self.depth;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for PaddedPretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}
