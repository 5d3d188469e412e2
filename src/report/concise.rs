//! One line per finding, as ruff's concise output: `path:line:col: PL101 missing-lead message`.
//! A file that could not be read gives `path: error: why`, the why in the run's language (the
//! word `error` stays, for tools that look for it).

use super::human::printable;
use super::FileReport;

pub fn file(r: &FileReport, lang: crate::data::Lang) -> String {
    let mut out = String::new();
    match &r.outcome {
        Ok(c) => {
            for f in &c.findings {
                let p = c.src.line_col(f.span.start);
                out.push_str(&format!(
                    "{}:{}:{}: {} {} {}\n",
                    one_line(&r.path),
                    p.line,
                    p.column,
                    f.code,
                    f.rule,
                    one_line(&super::message_with_place(c, f))
                ));
            }
        }
        Err(e) => out.push_str(&format!(
            "{}: error: {}\n",
            one_line(&r.path),
            one_line(&super::error_words::error(e, lang))
        )),
    }
    out
}

/// Line breaks in a message or a path would break the one-line-per-finding promise, and
/// control characters from a document must not reach the terminal.
fn one_line(s: &str) -> String {
    printable(&s.replace(['\n', '\r', '\t'], " ")).into_owned()
}
