//! Findings as GitHub Actions workflow commands (`::warning file=…::message`), which GitHub
//! shows as annotations on the changed lines of a pull request.

use super::FileReport;
use crate::data::Severity;

/// Escaping of workflow-command data (the message); bidirectional controls are written as
/// `\u{202e}`, so an annotation shows a file name in its real order.
fn data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if super::human::is_bidi_control(c) => super::human::push_code_point(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// Escaping of workflow-command properties (file, title), which also reserve `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One file's findings as workflow commands, or the reason it could not be read.
pub fn file(r: &FileReport) -> String {
    let mut out = String::new();
    match &r.outcome {
        Ok(c) => {
            for f in &c.findings {
                let p = c.src.position(f.span);
                let command = match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let message = super::message_with_place(c, f);
                out.push_str(&format!(
                    "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                    property(&r.path),
                    p.line,
                    p.column,
                    p.end_line,
                    p.end_column,
                    property(&format!("{} {}", f.code, f.rule)),
                    data(&message)
                ));
            }
        }
        Err(e) => out.push_str(&format!(
            "::error file={},title=planlint::{}\n",
            property(&r.path),
            data(&format!("{}: {e}", r.path))
        )),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_reserved_characters() {
        assert_eq!(data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(property("dir/a,b:c.txt"), "dir/a%2Cb%3Ac.txt");
        assert_eq!(data("a\u{202e}txt.exe"), "a\\u{202e}txt.exe");
    }
}
