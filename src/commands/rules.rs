//! `planlint rules`: code, name, severity and title of every rule.

use super::outcome::Outcome;
use crate::data::Lang;
use crate::report::words;
use std::path::PathBuf;

/// Every rule of the catalogue (built in, or from `--rules DIR`), in `lang`.
pub fn run(dir: &Option<PathBuf>, lang: Lang) -> Outcome {
    let data = match crate::session::load_rules(dir.as_slice()) {
        Ok(d) => d,
        Err(f) => return super::outcome::failure(f, lang),
    };
    let mut out = String::new();
    for r in &data.catalogue.rule {
        // Chinese severity words are two characters (four columns): padded to the same width
        // as the longest English one.
        let severity = words::severity(r.severity, lang);
        let pad = match lang {
            Lang::En => 8 - severity.len(),
            Lang::Zh => 4,
        };
        out.push_str(&format!(
            "{:<6} {:<22} {severity}{} {}\n",
            r.code,
            r.name,
            " ".repeat(pad),
            r.title(lang)
        ));
    }
    Outcome {
        stdout: out,
        stderr: String::new(),
        status: 0,
    }
}
