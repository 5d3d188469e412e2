//! `planlint man`: the manual page (roff), generated from the argument definitions.

use super::outcome::Outcome;
use crate::cli::Cli;
use clap::CommandFactory;

pub fn run() -> Outcome {
    match crate::report::man::page(&Cli::command()) {
        Ok(page) => Outcome::text(page.into_bytes()),
        Err(e) => Outcome::error(e),
    }
}
