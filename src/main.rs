//! The `planlint` binary: parse arguments, run, print, exit (0 clean, 1 findings, 2 error).

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = planlint::cli::Cli::parse();
    let outcome = planlint::cli::run(cli);
    // A closed pipe (planlint check … | head) is not an error.
    let _ = std::io::stdout()
        .lock()
        .write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr()
        .lock()
        .write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.status)
}
