//! `planlint explain NAME` (and `planlint rules NAME`): one rule's documentation.

use super::outcome::Outcome;
use crate::data::{Lang, Scope};
use crate::report::words;
use std::path::PathBuf;

/// The rule's identity line, its title and its documentation as plain text, in `lang`.
pub fn run(name: &str, dir: &Option<PathBuf>, lang: Lang) -> Outcome {
    let data = match crate::session::load_rules(dir.as_slice()) {
        Ok(d) => d,
        Err(f) => return super::outcome::failure(f, lang),
    };
    match data
        .catalogue
        .rule
        .iter()
        .find(|r| r.name == name || r.code.eq_ignore_ascii_case(name))
    {
        Some(r) => Outcome {
            stdout: format!(
                "{} ({}) · {} · {}\n{}\n\n{}",
                r.name,
                r.code,
                words::severity(r.severity, lang),
                match (r.scope, lang) {
                    (Scope::Plan, Lang::En) => "checks one plan",
                    (Scope::Directive, Lang::En) => "needs --against",
                    (Scope::Config, Lang::En) => "checks planlint.toml",
                    (Scope::Plan, Lang::Zh) => "检查单个方案",
                    (Scope::Directive, Lang::Zh) => "需与上级文件比对（--against）",
                    (Scope::Config, Lang::Zh) => "检查 planlint.toml",
                },
                r.title(lang),
                words::plain(r.explanation(lang), lang)
            ),
            stderr: String::new(),
            status: 0,
        },
        None => Outcome::error(words::unknown_rule(name, lang)),
    }
}
