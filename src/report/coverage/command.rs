//! `planlint report PLANS… --against DIRECTIVE [-o FILE] [--format html|csv|xlsx|json]`.

use super::build::{matrix, Setup};
use super::{html, Lang};
use crate::batch::load_directive;
use crate::cli::{load_config, load_rules, Outcome, ReportArgs, ReportFormat};
use crate::input::{self, Expanded};
use crate::report::words;
use crate::rules::RuleSet;
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
    let config = load_config(args.config.as_deref(), args.no_config)?;
    let lang = args.lang.or(config.lang).unwrap_or_else(Lang::from_env);
    let mut dirs = config.data_dirs.clone();
    dirs.extend(args.input.rules.iter().cloned());
    let mut data = load_rules(&dirs)?;
    data.lang = lang;
    let enc = crate::cli::encoding(&args.input)?;
    let unknown = |u: crate::rules::UnknownRule| Outcome::error(words::unknown_rule(&u.0, lang));
    // The config's rule choices hold as in `check`: a skipped later-deadline marks no cell.
    let mut set = RuleSet::new(&data.catalogue, &config.select, &config.skip).map_err(unknown)?;
    for (rule, severity) in &config.severities {
        set.set_severity(&data.catalogue, rule, *severity)
            .map_err(unknown)?;
    }
    let inputs = input::expand(&args.files);
    let directive_path = directive_path(args, &config, &inputs, lang)?;
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
    let max_size = crate::cli::max_size(&args.input, Some(&config));
    let directive = load_directive(Path::new(&directive_path), enc, max_size, &data)
        .map_err(|e| Outcome::error(format!("{directive_path}: {e}")))?;
    let m = matrix(
        &Setup {
            data: &data,
            set: &set,
            config: &config,
            encoding: enc,
            max_size,
            directive: &directive,
        },
        &inputs,
    );
    let mut stderr: String = m
        .unread
        .iter()
        .map(|(p, e)| format!("planlint: {p}: {e}\n"))
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
        ReportFormat::Csv => super::csv::render(&m, lang).into_bytes(),
        ReportFormat::Json => super::json::render(&m).into_bytes(),
        ReportFormat::Xlsx => super::xlsx::render(&m, lang).map_err(Outcome::error)?,
    };
    let status = if m.unread.is_empty() { 0 } else { 2 };
    let stdout = match &args.output {
        Some(out) => {
            crate::output::write_atomic(out, &bytes).map_err(Outcome::error)?;
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
