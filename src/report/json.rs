//! Findings as JSON. The shape is documented in README.md ("JSON output"); keys are stable.

use super::{FileReport, Summary};
use crate::finding::Finding;
use crate::source::{SourceFile, Span};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

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

pub fn render(reports: &[FileReport]) -> String {
    let files: Vec<Value> = reports
        .iter()
        .map(|r| match &r.outcome {
            Ok(c) => json!({
                "path": r.path,
                "encoding": c.src.encoding.name(),
                "error": null,
                "findings": c.findings.iter().map(|f| finding(&c.src, f, c.directive.as_ref())).collect::<Vec<_>>(),
            }),
            Err(e) => json!({ "path": r.path, "encoding": null, "error": e, "findings": [] }),
        })
        .collect();
    let s = Summary::of(reports);
    let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
    for r in reports {
        if let Ok(c) = &r.outcome {
            for f in &c.findings {
                *by_rule.entry(f.rule.clone()).or_default() += 1;
            }
        }
    }
    let out = json!({
        "version": 1,
        "files": files,
        "summary": {
            "files": s.files,
            "failed_files": s.failed_files,
            "findings": s.findings(),
            "errors": s.errors,
            "warnings": s.warnings,
            "infos": s.infos,
            "suppressed": s.suppressed,
            "by_rule": by_rule,
        }
    });
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}
