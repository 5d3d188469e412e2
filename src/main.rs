//! The `planlint` binary: parse arguments, run, print, exit (0 clean, 1 findings, 2 error).

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    planlint::signals::install();
    let cli = match planlint::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // A mistake on the command line, in the reader's language (clap's own text otherwise,
        // and for --help and --version).
        Err(e) => {
            let args: Vec<_> = std::env::args_os().collect();
            let lang = planlint::commands::usage::language(&args);
            match planlint::commands::usage::message(&e, lang) {
                Some(m) => {
                    let _ = std::io::stderr().lock().write_all(m.as_bytes());
                    return ExitCode::from(2);
                }
                None => e.exit(),
            }
        }
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut out = planlint::report::Output::new(&mut stdout);
    let outcome = planlint::commands::run(cli, &mut out);
    out.write(&outcome.stdout);
    out.flush();
    let mut stderr = outcome.stderr;
    let mut status = outcome.status;
    // A closed pipe (planlint check … | head) is not an error; a full disk is.
    if let Some(e) = out.failure() {
        let args: Vec<_> = std::env::args_os().collect();
        let lang = planlint::commands::usage::language(&args);
        let message = format!("cannot write to standard output: {e}");
        let message = planlint::report::error_words::error(&message, lang);
        stderr.push_str(&format!("planlint: {message}\n"));
        status = 2;
    }
    let _ = std::io::stderr().lock().write_all(stderr.as_bytes());
    ExitCode::from(status)
}
