//! Findings as JSON. The shape is documented in README.md ("JSON output"); keys are stable.

use super::{FileReport, Summary};
use crate::finding::Finding;
use crate::source::{SourceFile, Span};
use serde_json::{json, Map, Value};

/// Byte span plus 1-based line and character column of both ends.
pub fn position(src: &SourceFile, span: Span) -> Map<String, Value> {
    let p = src.position(span);
    let mut m = Map::new();
    m.insert("line".into(), json!(p.line));
    m.insert("column".into(), json!(p.column));
    m.insert("end_line".into(), json!(p.end_line));
    m.insert("end_column".into(), json!(p.end_column));
    m.insert("start".into(), json!(span.start));
    m.insert("end".into(), json!(span.end));
    m
}

/// What stands before the first file.
pub const OPENING: &str = "{\n  \"files\": [\n";

// A file's entry is serialised straight from the findings into its string, in the bytes a
// `serde_json::Value` of it gave: keys in alphabetical order (serde_json's map is sorted),
// pretty-printed at its depth.

#[derive(serde::Serialize)]
struct FindingOut<'a> {
    code: &'a str,
    column: usize,
    directive: Option<DirectiveOut<'a>>,
    end: usize,
    end_column: usize,
    end_line: usize,
    help: &'a Option<String>,
    line: usize,
    message: &'a str,
    place: Option<PlaceOut>,
    related: Vec<RelatedOut<'a>>,
    rule: &'a str,
    severity: &'static str,
    start: usize,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct DirectiveOut<'a> {
    column: usize,
    end: usize,
    end_column: usize,
    end_line: usize,
    line: usize,
    path: &'a str,
    start: usize,
    task: &'a str,
}

#[derive(serde::Serialize)]
struct RelatedOut<'a> {
    column: usize,
    end: usize,
    end_column: usize,
    end_line: usize,
    label: &'a str,
    line: usize,
    start: usize,
}

/// A place with its keys in alphabetical order (`kind` among them).
#[derive(serde::Serialize)]
#[serde(untagged)]
enum PlaceOut {
    Cell {
        column: usize,
        kind: &'static str,
        row: usize,
        table: usize,
    },
    Page {
        kind: &'static str,
        line: usize,
        page: usize,
    },
    Paragraph {
        kind: &'static str,
        paragraph: usize,
    },
}

fn place_out(p: Option<crate::source::Place>) -> Option<PlaceOut> {
    use crate::source::Place;
    p.map(|p| match p {
        Place::Paragraph { paragraph } => PlaceOut::Paragraph {
            kind: "paragraph",
            paragraph,
        },
        Place::Cell { table, row, column } => PlaceOut::Cell {
            column,
            kind: "cell",
            row,
            table,
        },
        Place::Page { page, line } => PlaceOut::Page {
            kind: "page",
            line,
            page,
        },
    })
}

fn finding_out<'a>(
    src: &'a SourceFile,
    f: &'a Finding,
    directive: Option<&'a super::DirectiveSource>,
) -> FindingOut<'a> {
    let p = src.position(f.span);
    FindingOut {
        code: &f.code,
        column: p.column,
        directive: match (&f.directive, directive) {
            (Some(d), Some((path, dsrc))) => {
                let q = dsrc.position(d.span);
                Some(DirectiveOut {
                    column: q.column,
                    end: d.span.end,
                    end_column: q.end_column,
                    end_line: q.end_line,
                    line: q.line,
                    path,
                    start: d.span.start,
                    task: d.task.trim(),
                })
            }
            _ => None,
        },
        end: f.span.end,
        end_column: p.end_column,
        end_line: p.end_line,
        help: &f.help,
        line: p.line,
        message: &f.message,
        place: place_out(src.place_at(f.span.start)),
        related: f
            .related
            .iter()
            .map(|(s, label)| {
                let q = src.position(*s);
                RelatedOut {
                    column: q.column,
                    end: s.end,
                    end_column: q.end_column,
                    end_line: q.end_line,
                    label,
                    line: q.line,
                    start: s.start,
                }
            })
            .collect(),
        rule: &f.rule,
        severity: f.severity.name(),
        start: f.span.start,
        text: src.slice(f.span),
    }
}

#[derive(serde::Serialize)]
struct FileOut<'a> {
    encoding: Option<&'static str>,
    error: Option<&'a str>,
    findings: Vec<FindingOut<'a>>,
    path: &'a str,
}

/// One file's entry of the `files` array.
pub fn file(r: &FileReport) -> String {
    let value = match &r.outcome {
        Ok(c) => FileOut {
            encoding: Some(c.src.encoding.name()),
            error: None,
            findings: c
                .findings
                .iter()
                .map(|f| finding_out(&c.src, f, c.directive.as_ref()))
                .collect(),
            path: &r.path,
        },
        Err(e) => FileOut {
            encoding: None,
            error: Some(e),
            findings: Vec::new(),
            path: &r.path,
        },
    };
    let mut out = String::from("    ");
    super::write_pretty_at(&value, 4, &mut out);
    out
}

/// What follows the last file (`opened`: the opening was written): the totals.
pub fn closing(opened: bool, s: &Summary) -> String {
    let summary = json!({
        "files": s.files,
        "failed_files": s.failed_files,
        "findings": s.findings(),
        "errors": s.errors,
        "warnings": s.warnings,
        "infos": s.infos,
        "suppressed": s.suppressed,
        "by_rule": s.by_rule,
    });
    format!(
        "{}\n  \"summary\": {},\n  \"version\": 1\n}}\n",
        if opened {
            "\n  ],"
        } else {
            "{\n  \"files\": [],"
        },
        super::pretty_at(&summary, 2)
    )
}
