//! `planlint check PLANS…`: findings on each plan (and, with a directive, on what it carries
//! out of it), printed as they come, with the exit status the findings call for.

use super::outcome::Outcome;
use crate::batch::{load_directive, Batch};
use crate::cli::{CheckArgs, CheckFormat, Color, FailOn};
use crate::data::{Lang, Severity};
use crate::report::human::printable;
use crate::report::{self, words, Output, Writer};
use crate::session::Common;
use crate::suppress::Baseline;
use std::io::IsTerminal;

pub fn run(args: &CheckArgs, out: &mut Output) -> Outcome {
    match prepare(args, out) {
        Ok(o) | Err(o) => o,
    }
}

/// Whether `--color` asks for colour here: always, never, or when standard output is a
/// terminal and NO_COLOR is not set.
fn enabled(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// The input a baseline written to `out` would replace: a plan, the directive or the
/// configuration file, as the user named it.
fn baseline_over_input(
    args: &CheckArgs,
    config: &crate::config::Config,
    out: &std::path::Path,
) -> Option<String> {
    let plans = crate::input::expand(&args.files)
        .into_iter()
        .filter_map(|i| match i {
            crate::input::Expanded::File(p) => Some(p),
            crate::input::Expanded::Problem { .. } => None,
        });
    plans
        .chain(args.against.clone())
        .chain(config.path.clone())
        .find(|p| crate::output::is_same_path(p, out))
        .map(|p| crate::input::display(&p))
}

fn prepare(args: &CheckArgs, out: &mut Output) -> Result<Outcome, Outcome> {
    let common = Common {
        config: args.config.as_deref(),
        no_config: args.no_config,
        lang: args.lang,
        input: &args.input,
        select: &args.select,
        ignore: &args.ignore,
    };
    let session = super::outcome::session(&common)?;
    let (data, config) = (&session.data, &session.config);
    let lang = session.lang();
    // --annotate OUT is checked before any plan is read, in the run's language.
    if let Some(copy) = &args.annotate {
        crate::annotate::check_target(&args.files, copy).map_err(|e| {
            Outcome::error(crate::report::error_words::error(&e, lang).into_owned())
        })?;
    }
    // --write-baseline OUT replaces OUT: never a plan, the directive or planlint.toml.
    if let Some(out) = &args.write_baseline {
        if let Some(input) = baseline_over_input(args, config, out) {
            return Err(Outcome::error(words::say(
                lang,
                format!(
                    "--write-baseline {} is one of the inputs ({}); write the baseline elsewhere",
                    out.display(),
                    input
                ),
                format!(
                    "--write-baseline {} 是输入文件之一（{}）；请将基线写到别处",
                    out.display(),
                    input
                ),
            )));
        }
    }
    let (enc, max_size) = (session.encoding, session.max_size);
    let checks_plans =
        data.catalogue.rule.iter().any(|r| {
            r.scope != crate::data::Scope::Config && session.set.enabled.contains(&r.name)
        });
    if !checks_plans {
        return Err(Outcome::error(words::say(
            lang,
            format!(
                "select [{}] and skip [{}] (planlint.toml and the command line) leave no rule to check plans with",
                session.select(&common).join(", "),
                session.skip(&common).join(", ")
            ),
            format!(
                "select [{}] 与 skip [{}]（planlint.toml 和命令行）选定后，已没有可用于检查方案的规则",
                session.select(&common).join(", "),
                session.skip(&common).join(", ")
            ),
        )));
    }
    let against = match &args.against {
        None => None,
        Some(path) => Some(std::sync::Arc::new(
            load_directive(path, enc, max_size, data).map_err(|e| {
                super::outcome::file_failure(&crate::input::display(path), &e, lang)
            })?,
        )),
    };
    let baseline_path = args.baseline.clone().or_else(|| config.baseline.clone());
    let baseline = match (&baseline_path, &args.write_baseline) {
        // Writing a baseline records every finding, so an old one must not hide any.
        (_, Some(_)) | (None, None) => None,
        (Some(p), None) if !p.exists() && args.baseline.is_none() => None,
        (Some(p), None) => Some(Baseline::read(p).map_err(Outcome::error)?),
    };
    let batch = Batch {
        session: &session,
        against,
        baseline: baseline.as_ref(),
        record: args.write_baseline.is_some(),
    };
    let format = match args.format {
        CheckFormat::Json => report::Format::Json,
        CheckFormat::Sarif => report::Format::Sarif(&data.catalogue),
        CheckFormat::Github => report::Format::Github,
        CheckFormat::Concise => report::Format::Concise { lang },
        CheckFormat::Human => report::Format::Human {
            style: human_style(enabled(args.color)),
            quiet: args.quiet,
            lang,
        },
    };
    let recording = args.write_baseline.is_some();
    // Machine formats keep standard output parseable, and a baseline run prints no report:
    // read errors go to standard error.
    let errors_apart = recording || matches!(args.format, CheckFormat::Json | CheckFormat::Sarif);
    let mut writer = Writer::new(format, !args.no_summary);
    writer.lang = data.lang;
    let mut stderr = left_note(&args.files, lang);
    // --annotate: a Word copy of the one plan, written where the plan was checked (its report
    // is the first; the config's own report comes after it).
    let annotated = std::sync::Mutex::new(None);
    let findings = batch.run(
        &args.files,
        |r| {
            if let Some(copy) = &args.annotate {
                let mut slot = annotated.lock().unwrap_or_else(|e| e.into_inner());
                if slot.is_none() {
                    let comments = r.outcome.as_ref().map_or(0, |c| c.findings.len());
                    *slot = Some(crate::annotate::write_copy(r, data, copy).map(
                        |line| match lang {
                            Lang::En => line,
                            Lang::Zh => {
                                words::wrote_annotated(&copy.display().to_string(), comments)
                            }
                        },
                    ));
                }
            }
            if recording {
                report::Part::counts(r)
            } else {
                format.part(r)
            }
        },
        |part| {
            if let (true, Some((path, e))) = (errors_apart, &part.failure) {
                stderr.push_str(&format!(
                    "planlint: {}: {}\n",
                    printable(path),
                    printable(&crate::report::error_words::error(e, lang))
                ));
            }
            writer.part(out, part);
            out.flush();
            out.failure().is_none()
        },
    );

    if let Some(path) = &args.write_baseline {
        let summary = writer.summary;
        let mut findings = findings;
        findings.sort();
        let b = Baseline {
            version: 1,
            findings,
        };
        crate::output::write_atomic(path, b.to_json().as_bytes()).map_err(|e| {
            Outcome::error(crate::report::error_words::error(&e, lang).into_owned())
        })?;
        stderr.push_str(&words::wrote_baseline(
            b.findings.len(),
            &printable(&path.display().to_string()),
            lang,
        ));
        return Ok(Outcome {
            stdout: String::new(),
            stderr,
            status: if summary.failed_files > 0 { 2 } else { 0 },
        });
    }

    let summary = writer.finish(out);
    let threshold = match args.fail_on {
        Some(FailOn::Error) => Some(Severity::Error),
        Some(FailOn::Warning) => Some(Severity::Warning),
        Some(FailOn::Info) => Some(Severity::Info),
        Some(FailOn::Never) => None,
        None => config.fail_on.unwrap_or(Some(Severity::Warning)),
    };
    let failing = match threshold {
        None => false,
        Some(Severity::Error) => summary.errors > 0,
        Some(Severity::Warning) => summary.errors + summary.warnings > 0,
        Some(Severity::Info) => summary.findings() > 0,
    };
    let status = if summary.failed_files > 0 {
        2
    } else if failing {
        1
    } else {
        0
    };
    let mut status = status;
    if let Some(result) = annotated.into_inner().unwrap_or_else(|e| e.into_inner()) {
        match result {
            Ok(line) => stderr.push_str(&line),
            Err(e) => {
                stderr.push_str(&format!(
                    "planlint: --annotate: {}{}\n",
                    words::say(lang, "", "未能写出批注副本："),
                    printable(&crate::report::error_words::error(&e, lang))
                ));
                status = 2;
            }
        }
    }
    Ok(Outcome {
        stdout: String::new(),
        stderr,
        status,
    })
}

/// A note for each directory argument holding files a walk does not gather (workbooks, PDF,
/// web pages, OFD, old Word files): they were not checked, and saying so keeps a folder of
/// Excel task tables from passing as checked.
fn left_note(files: &[std::ffi::OsString], lang: Lang) -> String {
    let mut note = String::new();
    for (dir, left) in crate::input::left_in_directories(files) {
        let names: Vec<String> = left
            .iter()
            .take(3)
            .map(|p| printable(&crate::input::display(p)).into_owned())
            .collect();
        let more = if left.len() > 3 { " …" } else { "" };
        let dir = printable(&crate::input::display(&dir)).into_owned();
        note.push_str(&words::say(
            lang,
            format!(
                "planlint: note: {dir} holds {} file{} not checked, because a directory is walked for .txt, .md and .docx only: {}{more}; name them to check them (save .doc/.wps/.xls as .docx/.xlsx first)\n",
                left.len(),
                if left.len() == 1 { "" } else { "s" },
                names.join(", ")
            ),
            format!(
                "planlint: 注意：{dir} 中有 {} 个文件未检查（检查目录时只读取 .txt、.md 和 .docx 文件）：{}{more}；如需检查，请直接指明这些文件（.doc/.wps/.xls 请先另存为 .docx/.xlsx）\n",
                left.len(),
                names.join("、")
            ),
        ));
    }
    note
}

/// The human format's drawing: sized to the terminal when standard output is one; otherwise
/// (a file, a pipe, CI logs) 100 columns and the full window around long-line findings.
fn human_style(color: bool) -> report::human::Style {
    match terminal_size::terminal_size_of(std::io::stdout()) {
        Some((terminal_size::Width(w), _)) => report::human::Style::for_terminal(color, w.into()),
        None => report::human::Style {
            color,
            unicode: true,
            width: 100,
            around: report::human::AROUND,
        },
    }
}
