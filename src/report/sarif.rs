//! Findings as SARIF 2.1.0 (for GitHub code scanning and other SARIF viewers). Columns are
//! Unicode code points (`columnKind`), the unit planlint reports everywhere.

use super::FileReport;
use crate::data::{Catalogue, Severity};
use crate::finding::Finding;
use crate::source::{SourceFile, Span};
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path: forward slashes, everything outside RFC 3986's
/// unreserved characters percent-encoded (Chinese file names included).
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(src: &SourceFile, span: Span) -> Value {
    let p = src.position(span);
    json!({
        "startLine": p.line,
        "startColumn": p.column,
        "endLine": p.end_line,
        "endColumn": p.end_column,
        "snippet": { "text": src.slice(span) },
    })
}

fn location(path: &str, src: &SourceFile, span: Span, message: Option<&str>) -> Value {
    let mut l = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(path) },
            "region": region(src, span),
        }
    });
    if let Some(m) = message {
        l["message"] = json!({ "text": m });
    }
    l
}

fn result(
    path: &str,
    c: &super::Checked,
    f: &Finding,
    directive: Option<&super::DirectiveSource>,
    rule_index: Option<usize>,
    fingerprint: &str,
) -> Value {
    let src = &c.src;
    let mut related: Vec<Value> = f
        .related
        .iter()
        .map(|(s, label)| location(path, src, *s, Some(label)))
        .collect();
    if let (Some(d), Some((dpath, dsrc))) = (&f.directive, directive) {
        let (directive_word, task_word) = super::words::directive_label(c.lang);
        let label = format!("{directive_word} {task_word}{}", d.task.trim());
        related.push(location(dpath, dsrc, d.span, Some(&label)));
    }
    for (k, r) in related.iter_mut().enumerate() {
        r["id"] = json!(k);
    }
    let mut text = super::message_with_place(c, f);
    if let Some(h) = &f.help {
        text.push_str(&format!("\n{h}"));
    }
    let mut r = json!({
        "ruleId": f.code,
        "level": level(f.severity),
        "message": { "text": text },
        "locations": [location(path, src, f.span, None)],
        "partialFingerprints": { "planlint/v1": fingerprint },
        "properties": { "rule": f.rule },
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        r["relatedLocations"] = Value::Array(related);
    }
    r
}

/// What stands before the first result (results come before the invocations, which say
/// whether every file could be read, so they are written as the files come).
pub const OPENING: &str = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    {\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [\n";

/// One file's results, joined by commas (empty for a file without findings or not read).
pub fn file(rep: &FileReport, catalogue: &Catalogue) -> String {
    let Ok(c) = &rep.outcome else {
        return String::new();
    };
    let dsrc = c.directive.as_ref().map(|(_, s)| &**s);
    let prints = crate::suppress::fingerprints(&c.src, &c.findings, dsrc);
    let mut out = String::new();
    for (f, fp) in c.findings.iter().zip(&prints) {
        let index = catalogue.rule.iter().position(|r| r.code == f.code);
        let r = result(&rep.path, c, f, c.directive.as_ref(), index, fp);
        if !out.is_empty() {
            out.push_str(",\n");
        }
        out.push_str("        ");
        out.push_str(&super::pretty_at(&r, 8));
    }
    out
}

/// What follows the last result (`opened`: the opening was written): the invocation with a
/// notification per file that could not be read, and the rules.
pub fn closing(
    opened: bool,
    failures: &[(String, String)],
    catalogue: &Catalogue,
    lang: crate::data::Lang,
) -> String {
    let rules: Vec<Value> = catalogue
        .rule
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.explanation(lang), "markdown": r.explanation(lang) },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let notifications: Vec<Value> = failures
        .iter()
        .map(|(path, e)| {
            json!({
                "level": "error",
                "message": { "text": format!("{path}: {e}") },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(path) } } }],
            })
        })
        .collect();
    let invocations = json!([{
        "executionSuccessful": notifications.is_empty(),
        "toolExecutionNotifications": notifications,
    }]);
    let tool = json!({ "driver": {
        "name": "planlint",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://github.com/planlint/planlint",
        "rules": rules,
    }});
    let results = if opened {
        "\n      ],\n".to_string()
    } else {
        OPENING.replace("\"results\": [\n", "\"results\": [],\n")
    };
    format!(
        "{results}      \"invocations\": {},\n      \"tool\": {}\n    }}\n  ],\n  \"version\": \"2.1.0\"\n}}\n",
        super::pretty_at(&invocations, 6),
        super::pretty_at(&tool, 6)
    )
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("./plans/a b.txt"), "plans/a%20b.txt");
        assert_eq!(uri("方案.txt"), "%E6%96%B9%E6%A1%88.txt");
        assert_eq!(uri("/abs/x.txt"), "file:///abs/x.txt");
    }
}
