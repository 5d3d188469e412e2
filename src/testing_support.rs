//! Invariants every input must keep, shared by the fuzz targets (fuzz/), the property tests and
//! the regression tests: spans lie on char boundaries inside their text, line and column agree
//! with the byte offset, and checking and rendering never panic. Not part of the stable API.

use crate::data::RuleData;
use crate::finding::Finding;
use crate::model::Document;
use crate::parse::parse_document;
use crate::report::{self, Checked, FileReport};
use crate::rules::RuleSet;
use crate::source::{SourceFile, Span};

/// Panics unless `span` is a valid, char-aligned range of `src`'s text.
pub fn assert_span(src: &SourceFile, span: Span, what: &str) {
    let text = &src.text;
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} is not on char boundaries"
    );
    // Line and column, recounted from scratch, agree with SourceFile::line_col.
    for offset in [span.start, span.end] {
        let before = &text[..offset];
        let mut line = 1;
        let mut line_start = 0;
        let bytes = before.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let lone_cr = b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                line += 1;
                line_start = i + 1;
            }
        }
        let column = text[line_start..offset].chars().count() + 1;
        let lc = src.line_col(offset);
        assert_eq!(
            (lc.line, lc.column),
            (line, column),
            "{what}: line/column of byte {offset}"
        );
    }
}

/// Every span of the model is valid.
pub fn assert_model_spans(src: &SourceFile, doc: &Document) {
    for h in &doc.headings {
        assert_span(src, h.numbering.span, "heading number");
        assert_span(src, h.title, "heading title");
        assert_span(src, h.line, "heading line");
    }
    for p in &doc.parts {
        assert_span(src, p.span, "part");
    }
    for t in &doc.tasks {
        assert_span(src, t.span, "task");
        assert_span(src, t.text, "task text");
        for u in t.leads.iter().chain(&t.partners) {
            assert_span(src, u.span, "unit");
        }
        for s in [t.clause, t.empty_partner_list].into_iter().flatten() {
            assert_span(src, s, "clause");
        }
        if let Some(d) = &t.deadline {
            assert_span(src, d.span, "deadline");
            if let Some(l) = d.leftover {
                assert_span(src, l, "deadline leftover");
            }
        }
        if let Some(n) = &t.item_number {
            assert_span(src, n.span, "item number");
        }
    }
    for t in &doc.targets {
        assert_span(src, t.span, "target");
        assert_span(src, t.subject, "target subject");
    }
    for u in &doc.stray_units {
        assert_span(src, u.span, "stray unit");
    }
}

fn assert_finding(src: &SourceFile, f: &Finding, directive: Option<&SourceFile>) {
    assert_span(src, f.span, &f.rule);
    for (s, _) in &f.related {
        assert_span(src, *s, &f.rule);
    }
    if let (Some(d), Some(dsrc)) = (&f.directive, directive) {
        assert_span(dsrc, d.span, &f.rule);
    }
    assert!(!f.message.is_empty() && !f.code.is_empty());
}

/// Parses, checks (against `directive` when given) and renders `plan` in every format,
/// asserting the span invariants on the model and every finding. Returns the findings.
pub fn check_and_render(plan: &str, directive: Option<&str>, data: &RuleData) -> Vec<Finding> {
    let set = RuleSet::new(&data.catalogue, &[], &[]).expect("all rules");
    let src = SourceFile::new("plan.txt", plan);
    assert_model_spans(&src, &parse_document(&src, data));
    let dir = directive.map(|d| {
        let dsrc = SourceFile::new("directive.txt", d);
        let ddoc = parse_document(&dsrc, data);
        assert_model_spans(&dsrc, &ddoc);
        (dsrc, ddoc)
    });
    let findings = crate::batch::check_source(&src, data, &set, dir.as_ref().map(|(s, d)| (s, d)));
    for f in &findings {
        assert_finding(&src, f, dir.as_ref().map(|(s, _)| s));
    }
    let reports = vec![FileReport {
        path: "plan.txt".into(),
        outcome: Ok(Checked {
            src,
            findings: findings.clone(),
            directive: dir.map(|(s, _)| ("directive.txt".to_string(), s)),
            suppressed: 0,
        }),
    }];
    let style = report::human::Style {
        color: false,
        unicode: true,
        width: 100,
    };
    let human = report::human::render(&reports, style, true, false);
    assert!(human.contains("planlint: "));
    let json: serde_json::Value =
        serde_json::from_str(&report::json::render(&reports)).expect("JSON output parses");
    assert_eq!(
        json["files"][0]["findings"].as_array().map(Vec::len),
        Some(findings.len())
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&report::sarif::render(&reports, &data.catalogue))
            .expect("SARIF output parses");
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(findings.len())
    );
    let github = report::github::render(&reports, false);
    assert_eq!(github.lines().count(), findings.len());
    findings
}
