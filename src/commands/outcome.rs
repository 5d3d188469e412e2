//! What a command returns ([`Outcome`]) and how the session's failures read on standard
//! error: the commands' common ground, below every command and the dispatcher.

use crate::data::Lang;
use crate::report::human::printable;
use crate::report::words;
use crate::session::{Common, Failure, Session};
use miette::SourceSpan;

/// What a command produced: text for standard output (besides what it wrote there as it went),
/// messages for standard error, and the exit status (0 clean, 1 findings, 2 usage or input
/// error).
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub status: u8,
}

impl Outcome {
    pub(crate) fn error(message: impl Into<String>) -> Outcome {
        Outcome {
            stdout: String::new(),
            stderr: format!("planlint: {}\n", printable(&message.into())),
            status: 2,
        }
    }

    /// Text for standard output, status 0.
    pub(crate) fn text(bytes: Vec<u8>) -> Outcome {
        Outcome {
            stdout: String::from_utf8_lossy(&bytes).into_owned(),
            stderr: String::new(),
            status: 0,
        }
    }
}

impl From<Failure> for Outcome {
    /// In English: `rules`, `explain` and `parse` load their data before any language is known.
    fn from(f: Failure) -> Outcome {
        failure(f, Lang::En)
    }
}

/// What a session's failure reads as, in `lang` (`--lang`, else the locale: the config that
/// would name a language may be the file that failed).
pub(crate) fn failure(f: Failure, lang: Lang) -> Outcome {
    match f {
        Failure::Config(e) => file_error(
            "planlint::config",
            e.to_string(),
            Some((e.src.name(), e.src.inner(), e.span)),
            lang,
        ),
        Failure::Data(e) => {
            let file = match &e {
                crate::data::DataError::Toml { src, span, .. } => {
                    Some((src.name(), src.inner().as_str(), *span))
                }
                crate::data::DataError::Io { .. } => None,
            };
            file_error("planlint::rule_data", e.to_string(), file, lang)
        }
        Failure::UnknownRule { name, lang } => Outcome::error(words::unknown_rule(&name, lang)),
        Failure::Message(m) => {
            Outcome::error(crate::report::error_words::error(&m, lang).into_owned())
        }
    }
}

/// A file planlint could not read (a plan or a directive named on the command line): its name
/// and the reason, in `lang` where rules/errors.toml knows the reason.
pub(crate) fn file_failure(name: &str, reason: &str, lang: Lang) -> Outcome {
    let reason = crate::report::error_words::error(reason, lang);
    Outcome::error(format!("{name}: {reason}"))
}

/// A config or rule-data error for standard error, drawn through a window on the file.
fn file_error(
    code: &str,
    message: String,
    file: Option<(&str, &str, Option<SourceSpan>)>,
    lang: Lang,
) -> Outcome {
    let file = file.map(|(name, text, span)| {
        let span = span.map(|s| crate::source::Span::new(s.offset(), s.offset() + s.len()));
        (name, text, span)
    });
    Outcome {
        stdout: String::new(),
        stderr: crate::report::human::render_error(code, &message, file, lang),
        status: 2,
    }
}

/// The session of a command that reads plans, or the outcome that says why there is none.
pub(crate) fn session(common: &Common) -> Result<Session, Outcome> {
    Session::new(common).map_err(|f| failure(f, common.lang.unwrap_or_else(Lang::from_env)))
}

/// The language of `rules` and `explain`: `--lang`, else planlint.toml's `lang` (the file found
/// by walking up from here; one that cannot be read does not stop the documentation from
/// printing), else the locale.
pub(crate) fn docs_lang(flag: Option<Lang>) -> Lang {
    flag.or_else(|| {
        crate::session::load_config(None, false)
            .ok()
            .and_then(|c| c.lang)
    })
    .unwrap_or_else(Lang::from_env)
}
