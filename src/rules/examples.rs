//! Every rule's documentation is its fixture, as ruff's is: the plan under `## Example` must
//! draw the rule, the plan under `## Use instead` must not (both against the example's
//! directive when the rule compares). Breaking a rule's logic, or its example, fails here.

use crate::data::{RuleData, Scope};
use crate::parse::parse_document;
use crate::rules::RuleSet;
use crate::source::SourceFile;

/// The text of the first fenced block tagged `tag` in `section`.
fn fenced(section: &str, tag: &str) -> Option<String> {
    let open = format!("```{tag}\n");
    let start = section.find(&open)? + open.len();
    let end = section[start..].find("```")? + start;
    Some(section[start..end].to_string())
}

/// How many findings of `rule` the plan draws.
fn count(data: &RuleData, rule: &str, plan: &str, directive: Option<&str>) -> usize {
    let set = RuleSet::new(&data.catalogue, &[rule.to_string()], &[]).expect("known rule");
    let src = SourceFile::new("plan.txt", plan);
    let dir = directive.map(|d| {
        let dsrc = SourceFile::new("directive.txt", d);
        let ddoc = parse_document(&dsrc, data);
        (dsrc, ddoc)
    });
    crate::batch::check_source(&src, data, &set, dir.as_ref().map(|(s, d)| (s, d)))
        .iter()
        .filter(|f| f.rule == rule)
        .count()
}

#[test]
fn every_rule_fires_on_its_example_and_not_on_the_fix() {
    let data = RuleData::builtin();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for rule in &data.catalogue.rule {
        if rule.scope == Scope::Config {
            continue; // its example is a planlint.toml entry: tests/workflow.rs runs it
        }
        let e = &rule.explanation;
        let (Some(ex), Some(fix)) = (e.find("## Example"), e.find("## Use instead")) else {
            wrong.push(format!("{}: no Example / Use instead", rule.name));
            continue;
        };
        let (example, instead) = (&e[ex..fix], &e[fix..]);
        let directive = fenced(example, "directive");
        if rule.scope == Scope::Directive && directive.is_none() {
            wrong.push(format!("{}: compares, but its example has no directive", rule.name));
        }
        let (Some(bad), Some(good)) = (fenced(example, "plan"), fenced(instead, "plan")) else {
            wrong.push(format!("{}: a ```plan block is missing", rule.name));
            continue;
        };
        let d = directive.as_deref();
        if count(&data, &rule.name, &bad, d) == 0 {
            wrong.push(format!("{}: its example draws no finding", rule.name));
        }
        if count(&data, &rule.name, &good, d) != 0 {
            wrong.push(format!("{}: its Use instead still draws a finding", rule.name));
        }
        checked += 1;
    }
    assert_eq!(wrong, Vec::<String>::new());
    assert_eq!(checked, data.catalogue.rule.len() - 1);
}
