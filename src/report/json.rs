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

pub fn finding(src: &SourceFile, f: &Finding, directive: Option<&super::DirectiveSource>) -> Value {
    let mut m = Map::new();
    m.insert("rule".into(), json!(f.rule));
    m.insert("code".into(), json!(f.code));
    m.insert("severity".into(), json!(f.severity.name()));
    m.insert("message".into(), json!(f.message));
    m.insert("help".into(), json!(f.help));
    m.extend(position(src, f.span));
    m.insert("text".into(), json!(src.slice(f.span)));
    let related: Vec<Value> = f
        .related
        .iter()
        .map(|(s, label)| {
            let mut r = position(src, *s);
            r.insert("label".into(), json!(label));
            Value::Object(r)
        })
        .collect();
    m.insert("related".into(), Value::Array(related));
    let dir = match (&f.directive, directive) {
        (Some(d), Some((path, dsrc))) => {
            let mut r = position(dsrc, d.span);
            r.insert("path".into(), json!(path));
            r.insert("task".into(), json!(d.task.trim()));
            Value::Object(r)
        }
        _ => Value::Null,
    };
    m.insert("directive".into(), dir);
    m.insert("place".into(), json!(src.place_at(f.span.start)));
    Value::Object(m)
}

/// What stands before the first file.
pub const OPENING: &str = "{\n  \"files\": [\n";

/// One file's entry of the `files` array.
pub fn file(r: &FileReport) -> String {
    let value = match &r.outcome {
        Ok(c) => json!({
            "path": r.path,
            "encoding": c.src.encoding.name(),
            "error": null,
            "findings": c.findings.iter().map(|f| finding(&c.src, f, c.directive.as_ref())).collect::<Vec<_>>(),
        }),
        Err(e) => json!({ "path": r.path, "encoding": null, "error": e, "findings": [] }),
    };
    format!("    {}", super::pretty_at(&value, 4))
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
