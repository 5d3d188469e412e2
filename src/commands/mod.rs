//! The commands, one file each, over the argument definitions of [`crate::cli`]; the settings
//! they share are built once into a [`Session`].

pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod man;
pub mod outcome;
pub mod parse;
pub mod report;
pub mod rules;
pub mod usage;

use crate::cli::{Cli, Command};
use crate::report::Output;
use outcome::docs_lang;
pub use outcome::Outcome;

/// Runs a command; `check` writes its report to `out` as it goes, the others return theirs.
pub fn run(cli: Cli, out: &mut Output) -> Outcome {
    match cli.command {
        Command::Parse {
            file,
            format,
            lang,
            input,
        } => parse::run(&file, format, lang, &input),
        Command::Check(args) => check::run(&args, out),
        Command::Diff(args) => diff::run(&args),
        Command::Rules {
            name: None,
            rules,
            lang,
        } => rules::run(&rules, docs_lang(lang)),
        Command::Rules {
            name: Some(n),
            rules,
            lang,
        }
        | Command::Explain {
            name: n,
            rules,
            lang,
        } => explain::run(&n, &rules, docs_lang(lang)),
        Command::Report(args) => report::run(&args),
        Command::Completions { shell } => completions::run(shell),
        Command::Man => man::run(),
    }
}
