//! Every rule's documentation is its fixture, as ruff's is: the plan under `## Example` must
//! draw the rule, the plan under `## Use instead` must not (both against the example's
//! directive when the rule compares). Breaking a rule's logic, or its example, fails here.
//! A rule about Word markup shows `word` blocks instead (the body of word/document.xml): the
//! test makes a .docx of each and reads it as planlint reads any Word document.

use crate::data::{RuleData, Scope};
use crate::reading::parse_document;
use crate::rules::RuleSet;
use crate::source::SourceFile;

/// The text of the first fenced block tagged `tag` in `section`.
fn fenced(section: &str, tag: &str) -> Option<String> {
    let open = format!("```{tag}\n");
    let start = section.find(&open)? + open.len();
    let end = section[start..].find("```")? + start;
    Some(section[start..end].to_string())
}

/// A plan of an example: its text, or the body of a Word document.
enum Plan {
    Text(String),
    Word(String),
}

/// The `plan` (or `word`) block of a section.
fn plan_of(section: &str) -> Option<Plan> {
    fenced(section, "plan")
        .map(Plan::Text)
        .or_else(|| fenced(section, "word").map(Plan::Word))
}

/// How many findings of `rule` the plan draws.
fn count(data: &RuleData, rule: &str, plan: &Plan, directive: Option<&str>) -> usize {
    let set = RuleSet::new(&data.catalogue, &[rule.to_string()], &[]).expect("known rule");
    let src = match plan {
        Plan::Text(text) => SourceFile::new("plan.txt", text.as_str()),
        Plan::Word(body) => {
            crate::input::docx::read("plan.docx", &crate::testing::docx_of(body), 1 << 20)
                .expect("the example is a Word document")
        }
    };
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
            wrong.push(format!(
                "{}: compares, but its example has no directive",
                rule.name
            ));
        }
        let (Some(bad), Some(good)) = (plan_of(example), plan_of(instead)) else {
            wrong.push(format!("{}: a ```plan block is missing", rule.name));
            continue;
        };
        let d = directive.as_deref();
        if count(&data, &rule.name, &bad, d) == 0 {
            wrong.push(format!("{}: its example draws no finding", rule.name));
        }
        if count(&data, &rule.name, &good, d) != 0 {
            wrong.push(format!(
                "{}: its Use instead still draws a finding",
                rule.name
            ));
        }
        checked += 1;
    }
    assert_eq!(wrong, Vec::<String>::new());
    assert_eq!(checked, data.catalogue.rule.len() - 1);
}

/// The fenced blocks of a section, in order.
fn blocks(section: &str) -> Vec<&str> {
    section.split("```").skip(1).step_by(2).collect()
}

#[test]
fn the_chinese_documentation_has_the_same_examples() {
    let data = RuleData::builtin();
    let mut wrong = Vec::new();
    for rule in &data.catalogue.rule {
        let (en, zh) = (&rule.explanation, &rule.explanation_zh);
        let sections = |text: &str, heads: [&str; 4]| -> Option<Vec<String>> {
            let at: Vec<usize> = heads
                .iter()
                .map(|h| text.find(h))
                .collect::<Option<Vec<usize>>>()?;
            if !at.windows(2).all(|w| w[0] < w[1]) {
                return None;
            }
            Some(
                (0..4)
                    .map(|k| text[at[k]..at.get(k + 1).copied().unwrap_or(text.len())].to_string())
                    .collect(),
            )
        };
        let e = sections(
            en,
            [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
            ],
        );
        let z = sections(zh, ["## 检查内容", "## 为何要改", "## 示例", "## 修改为"]);
        match (e, z) {
            (Some(e), Some(z)) => {
                for k in [2, 3] {
                    if blocks(&e[k]) != blocks(&z[k]) {
                        wrong.push(format!(
                            "{}: the examples differ between the languages",
                            rule.name
                        ));
                    }
                }
            }
            (None, _) => wrong.push(format!(
                "{}: English headings missing or out of order",
                rule.name
            )),
            (_, None) => wrong.push(format!(
                "{}: Chinese headings missing or out of order",
                rule.name
            )),
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

/// The source file holding a rule's messages.
fn source_of(rule: &str) -> String {
    let file = format!("rules/{}.rs", rule.replace('-', "_"));
    std::fs::read_to_string(format!("{}/src/{file}", env!("CARGO_MANIFEST_DIR")))
        .expect("rule source")
}

#[test]
fn every_message_is_in_both_languages_with_the_same_placeholders_and_used() {
    let data = RuleData::builtin();
    let mut wrong = Vec::new();
    for rule in &data.catalogue.rule {
        let src = source_of(&rule.name);
        if rule.messages.is_empty() {
            wrong.push(format!("{}: no messages", rule.name));
        }
        for (key, m) in &rule.messages {
            if m.en.trim().is_empty() || m.zh.trim().is_empty() {
                wrong.push(format!("{}.{key}: a language is empty", rule.name));
            }
            if super::placeholders(&m.en) != super::placeholders(&m.zh) {
                wrong.push(format!("{}.{key}: placeholders differ", rule.name));
            }
            if !src.contains(&format!("\"{key}\"")) {
                wrong.push(format!("{}.{key}: never used", rule.name));
            }
        }
        // Every key the code asks for is in the catalogue.
        let calls = src.match_indices("t!(").filter(|(i, _)| {
            !src[..*i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        });
        for (i, _) in calls {
            let Some(key) = src[i..].split('"').nth(1) else {
                continue;
            };
            if !rule.messages.contains_key(key) {
                wrong.push(format!(
                    "{}: the code asks for {key}, which the catalogue lacks",
                    rule.name
                ));
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn messages_fill_their_placeholders() {
    let name = "区文物局";
    assert_eq!(
        super::fill(
            "“{name}”不在名单中，{n}处；{missing}",
            &[("name", &name), ("n", &3)]
        ),
        "“区文物局”不在名单中，3处；{missing}"
    );
    assert_eq!(super::placeholders("{b}{a} {b}"), vec!["a", "b"]);
}
