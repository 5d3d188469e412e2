//! `planlint completions SHELL`: a shell completion script.

use super::outcome::Outcome;
use crate::cli::Cli;
use clap::CommandFactory;

pub fn run(shell: clap_complete::Shell) -> Outcome {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "planlint", &mut out);
    Outcome::text(out)
}
