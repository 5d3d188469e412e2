//! `planlint report PLANS… --against DIRECTIVE [-o FILE] [--format html|csv|xlsx|json]`.

use super::outcome::Outcome;
use crate::batch::load_directive;
use crate::cli::{ReportArgs, ReportFormat};
use crate::data::Lang;
use crate::input::{self, Expanded};
use crate::report::coverage::build::matrix;
use crate::report::coverage::{csv, html, json, xlsx};
use crate::report::words;
use crate::session::Common;
use std::collections::BTreeSet;
use std::path::Path;

pub fn run(args: &ReportArgs) -> Outcome {
    match prepare(args) {
        Ok(o) | Err(o) => o,
    }
}

/// The format: named, else told by the output's extension, else HTML.
fn format(args: &ReportArgs) -> Result<ReportFormat, Outcome> {
    let f = match (args.format, &args.output) {
        (Some(f), _) => f,
        (None, None) => ReportFormat::Html,
        (None, Some(p)) => {
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            match ext.as_deref() {
                Some("html" | "htm") => ReportFormat::Html,
                Some("csv") => ReportFormat::Csv,
                Some("xlsx") => ReportFormat::Xlsx,
                Some("json") => ReportFormat::Json,
                _ => {
                    return Err(Outcome::error(format!(
                        "cannot tell the report format from the name {} (use .html, .csv, .xlsx or .json, or --format)",
                        p.display()
                    )))
                }
            }
        }
    };
    if f == ReportFormat::Xlsx && args.output.is_none() {
        return Err(Outcome::error(
            "an xlsx workbook is not text: name the file with -o coverage.xlsx",
        ));
    }
    Ok(f)
}

fn prepare(args: &ReportArgs) -> Result<Outcome, Outcome> {
    let format = format(args)?;
    // The config's rule choices hold as in `check`: a skipped later-deadline marks no cell.
    let session = super::outcome::session(&Common {
        config: args.config.as_deref(),
        no_config: args.no_config,
        lang: args.lang,
        input: &args.input,
        select: &[],
        ignore: &[],
    })?;
    let (config, lang) = (&session.config, session.lang());
    let inputs = input::expand(&args.files);
    let directive_path = directive_path(args, config, &inputs, lang)?;
    if let Some(out) = &args.output {
        let ins = inputs
            .iter()
            .filter_map(|i| match i {
                Expanded::File(p) => Some(p.as_path()),
                Expanded::Problem { .. } => None,
            })
            .chain([Path::new(&directive_path)]);
        for p in ins {
            if crate::output::same_file(out, p) {
                return Err(Outcome::error(words::say(
                    lang,
                    format!(
                        "-o {} is one of the inputs ({}); write the report elsewhere",
                        out.display(),
                        input::display(p)
                    ),
                    format!(
                        "-o {} 是输入文件之一（{}）；请将报告写到别处",
                        out.display(),
                        input::display(p)
                    ),
                )));
            }
        }
    }
    let directive = load_directive(
        Path::new(&directive_path),
        session.encoding,
        session.max_size,
        &session.data,
    )
    .map_err(|e| super::outcome::file_failure(&directive_path, &e, lang))?;
    let m = matrix(&session, &directive, &inputs);
    let mut stderr: String = m
        .unread
        .iter()
        .map(|(p, e)| {
            format!(
                "planlint: {p}: {}\n",
                crate::report::error_words::error(e, lang)
            )
        })
        .collect();
    if m.plans.is_empty() {
        stderr.push_str(&words::say(
            lang,
            "planlint: no plan could be read, so there is no report\n",
            "planlint: 没有一个方案能够读取，因此未生成报告\n",
        ));
        return Err(Outcome {
            stdout: String::new(),
            stderr,
            status: 2,
        });
    }
    let bytes: Vec<u8> = match format {
        ReportFormat::Html => html::render(&m, lang).into_bytes(),
        ReportFormat::Csv => csv::render(&m, lang).into_bytes(),
        ReportFormat::Json => json::render(&m).into_bytes(),
        ReportFormat::Xlsx => xlsx::render(&m, lang).map_err(|e| {
            Outcome::error(crate::report::error_words::error(&e, lang).into_owned())
        })?,
    };
    let status = if m.unread.is_empty() { 0 } else { 2 };
    let stdout = match &args.output {
        Some(out) => {
            crate::output::write_atomic(out, &bytes).map_err(|e| {
                Outcome::error(crate::report::error_words::error(&e, lang).into_owned())
            })?;
            stderr.push_str(&words::wrote_report(
                &out.display().to_string(),
                m.rows().count(),
                m.plans.len(),
                &m.total().show(),
                lang,
            ));
            String::new()
        }
        None => String::from_utf8(bytes).unwrap_or_default(),
    };
    Ok(Outcome {
        stdout,
        stderr,
        status,
    })
}

/// `--against`, else the one `[[directive]]` of planlint.toml that covers the plans.
fn directive_path(
    args: &ReportArgs,
    config: &crate::config::Config,
    inputs: &[Expanded],
    lang: Lang,
) -> Result<String, Outcome> {
    if let Some(a) = &args.against {
        return Ok(a.clone());
    }
    let mut found = BTreeSet::new();
    for i in inputs {
        if let Expanded::File(p) = i {
            let p = input::display(p);
            match config.directive_for(&p) {
                Some(d) => found.insert(d.to_string_lossy().into_owned()),
                None => {
                    return Err(Outcome::error(words::say(
                        lang,
                        format!("{p}: no directive to compare with: name one with --against, or give the plans a [[directive]] in planlint.toml"),
                        format!("{p}：没有可对照的上级文件：请用 --against 指定，或在 planlint.toml 中为这些方案写明 [[directive]]"),
                    )))
                }
            };
        }
    }
    match found.len() {
        1 => Ok(found.into_iter().next().expect("one")),
        0 => Err(Outcome::error(words::say(
            lang,
            "no plan to report on, so no directive either: name one with --against",
            "没有可报告的方案，也就无从确定上级文件：请用 --against 指定",
        ))),
        _ => {
            let list = found.into_iter().collect::<Vec<_>>().join(", ");
            Err(Outcome::error(words::say(
                lang,
                format!("the plans have different directives in planlint.toml ({list}): a matrix compares plans with one directive, so run one report per directive or name it with --against"),
                format!("planlint.toml 为这些方案指定了不同的上级文件（{list}）：一张矩阵只对照一个上级文件，请按上级文件分别生成报告，或用 --against 指定"),
            )))
        }
    }
}
