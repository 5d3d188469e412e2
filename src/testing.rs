//! Test helpers: run one rule on a text and get (line, column, message) triples.

use crate::data::RuleData;
use crate::rules::RuleSet;
use crate::source::SourceFile;

pub fn findings_of(plan: &str, rule: &str) -> Vec<(usize, usize, String)> {
    let data = RuleData::builtin();
    let src = SourceFile::new("plan.txt", plan);
    let set = RuleSet::new(&data.catalogue, &[rule.to_string()], &[]).expect("known rule");
    crate::batch::check_source(&src, &data, &set, None)
        .into_iter()
        .map(|f| {
            let p = src.line_col(f.span.start);
            (p.line, p.column, f.message)
        })
        .collect()
}
