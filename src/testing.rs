//! Test helpers: run one rule on a text and get (line, column, message) triples.

use crate::data::RuleData;
use crate::rules::RuleSet;
use crate::source::SourceFile;

/// The model of a plan text, parsed with the built-in data.
pub fn parse(plan: &str) -> crate::model::Document {
    let data = RuleData::builtin();
    crate::reading::parse_document(&SourceFile::new("plan.txt", plan), &data)
}

pub fn findings_of(plan: &str, rule: &str) -> Vec<(usize, usize, String)> {
    rule_findings(&SourceFile::new("plan.txt", plan), rule, None)
}

/// One rule's findings on a read source, against a directive or not: (line, column, message).
fn rule_findings(
    src: &SourceFile,
    rule: &str,
    against: Option<(&SourceFile, &crate::model::Document)>,
) -> Vec<(usize, usize, String)> {
    let data = RuleData::builtin();
    let set = RuleSet::new(&data.catalogue, &[rule.to_string()], &[]).expect("known rule");
    crate::batch::check_source(src, &data, &set, against)
        .into_iter()
        .map(|f| {
            let p = src.line_col(f.span.start);
            (p.line, p.column, f.message)
        })
        .collect()
}

/// One rule's findings with their advice: (line, message, help).
pub fn advice_of(plan: &str, rule: &str) -> Vec<(usize, String, Option<String>)> {
    let src = SourceFile::new("plan.txt", plan);
    let data = RuleData::builtin();
    let set = RuleSet::new(&data.catalogue, &[rule.to_string()], &[]).expect("known rule");
    crate::batch::check_source(&src, &data, &set, None)
        .into_iter()
        .map(|f| (src.line_col(f.span.start).line, f.message, f.help))
        .collect()
}

/// Like [`findings_of`], checking the plan against a directive.
pub fn findings_against(plan: &str, directive: &str, rule: &str) -> Vec<(usize, usize, String)> {
    let dsrc = SourceFile::new("directive.txt", directive);
    let ddoc = crate::reading::parse_document(&dsrc, &RuleData::builtin());
    rule_findings(
        &SourceFile::new("plan.txt", plan),
        rule,
        Some((&dsrc, &ddoc)),
    )
}

/// [`findings_against`] with the reviewer's verdicts of a planlint.toml text applied.
pub fn findings_against_with_config(
    plan: &str,
    directive: &str,
    rule: &str,
    config: &str,
) -> Vec<(usize, usize, String)> {
    let data = RuleData::builtin();
    let config = crate::config::parse(config, "planlint.toml", ".".into(), &data.catalogue)
        .expect("a valid planlint.toml");
    let dsrc = SourceFile::new("directive.txt", directive);
    let ddoc = crate::reading::parse_document(&dsrc, &data);
    let d = crate::batch::Directive::new("directive.txt", dsrc, ddoc, &data);
    let overrides: Vec<_> = config.overrides.iter().collect();
    let set = RuleSet::new(&data.catalogue, &[rule.to_string()], &[]).expect("known rule");
    let src = SourceFile::new("plan.txt", plan);
    crate::batch::check_against(&src, &data, &set, Some(&d), &overrides)
        .0
        .into_iter()
        .map(|f| {
            let p = src.line_col(f.span.start);
            (p.line, p.column, f.message)
        })
        .collect()
}

pub use crate::testing_support::docx_of;

/// Findings of one rule on a Word document made of `body`: (line, column, message).
pub fn findings_of_docx(body: &str, rule: &str) -> Vec<(usize, usize, String)> {
    let src = crate::input::docx::read("plan.docx", &docx_of(body), 1 << 20).expect("a .docx");
    rule_findings(&src, rule, None)
}
