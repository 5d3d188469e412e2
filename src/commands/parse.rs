//! `planlint parse PLAN`: the task model planlint read, as text or JSON.

use super::outcome::Outcome;
use crate::cli::{InputArgs, ParseFormat};
use crate::data::Lang;
use crate::reading::parse_document;
use crate::report;
use crate::session::{Common, Session};
use std::path::Path;

pub fn run(file: &Path, format: ParseFormat, lang: Option<Lang>, input: &InputArgs) -> Outcome {
    match show(file, format, lang, input) {
        Ok(o) | Err(o) => o,
    }
}

fn show(
    file: &Path,
    format: ParseFormat,
    lang: Option<Lang>,
    input: &InputArgs,
) -> Result<Outcome, Outcome> {
    // The model is the parser's alone: planlint.toml plays no part in it.
    let session = Session::new(&Common {
        config: None,
        no_config: true,
        lang,
        input,
        select: &[],
        ignore: &[],
    })?;
    let src = crate::input::read(file, session.encoding, session.max_size).map_err(|e| {
        super::outcome::file_failure(&crate::input::display(file), &e.to_string(), session.lang())
    })?;
    let doc = parse_document(&src, &session.data);
    let stdout = match format {
        ParseFormat::Json => report::parse_view::json(&src, &doc),
        ParseFormat::Text => report::parse_view::text(&src, &doc, session.lang()),
    };
    Ok(Outcome {
        stdout,
        stderr: String::new(),
        status: 0,
    })
}
