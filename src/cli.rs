//! Command-line arguments (clap), validated once into plain options, and the commands.

use crate::batch::{load_directive, Batch};
use crate::config::{self, Config};
use crate::data::{RuleData, Severity};
use crate::parse::parse_document;
use crate::report::{self, Summary};
use crate::rules::{verify_catalogue, RuleSet};
use crate::source::Encoding;
use crate::suppress::Baseline;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "planlint",
    version,
    about = "Lint Chinese implementation plans (实施方案、工作安排、任务分工表) against their directives"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse a plan and print its task model (outline, tasks, leads, deadlines, targets).
    Parse {
        /// The plan (a path, or - for standard input).
        file: String,
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Check plans; with --against, also compare them with their directive.
    Check(CheckArgs),
    /// Show, for every directive task, the plan task(s) that carry it out.
    Diff(DiffArgs),
    /// List the rules, or print one rule's documentation.
    Rules {
        /// A rule name or code.
        name: Option<String>,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Print a rule's documentation (same as `rules NAME`).
    Explain {
        name: String,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// The reviewer's coverage matrix: the directive's tasks against many plans (HTML, CSV,
    /// xlsx or JSON).
    Report(ReportArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; `planlint man > planlint.1`).
    Man,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// Plans: paths, quoted glob patterns ('plans/*.txt'), directories (walked for .txt, .md
    /// and .docx files).
    #[arg(required = true)]
    pub files: Vec<String>,
    /// The directive every plan is compared with (default: planlint.toml's [[directive]] of the
    /// plans, which must name one directive for all of them).
    #[arg(long)]
    pub against: Option<String>,
    /// Write the report to this file (the format follows its extension unless --format says).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// html, csv, xlsx or json (default: from the -o extension, else html).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// The language of the report's own words (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum)]
    pub lang: Option<crate::report::coverage::Lang>,
    /// Use this config file instead of the planlint.toml found by walking up from here.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Use no config file.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Html,
    Csv,
    Xlsx,
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Decode input as this encoding (utf-8, utf-16le, utf-16be, gb18030) instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    /// A directory with rule data (lexicon.toml, metrics.toml, agencies.toml, rules.toml) to use
    /// instead of the built-in copies.
    #[arg(long)]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Plans to check: paths, quoted glob patterns ('plans/**/*.txt'), directories (walked for
    /// .txt, .md and .docx files), or - for standard input.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// The higher-level directive the plans implement (over planlint.toml's [[directive]]).
    #[arg(long)]
    pub against: Option<String>,
    /// Use this config file instead of the planlint.toml found by walking up from here.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Use no config file.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Report only findings not recorded in this baseline file (default: planlint.toml's
    /// `baseline`).
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// Record every current finding in this baseline file and exit 0.
    #[arg(long)]
    pub write_baseline: Option<PathBuf>,
    /// Write a copy of the (single, .docx) plan with a Word comment (批注) on each finding.
    #[arg(long, value_name = "COPY.docx", conflicts_with = "write_baseline")]
    pub annotate: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Only these rules (names or codes, comma-separated or repeated).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules (names or codes).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit with status 1 when a finding of this severity or above is reported (default:
    /// planlint.toml's `fail-on`, else warning).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Print nothing but the summary line and errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Leave out the summary line.
    #[arg(long)]
    pub no_summary: bool,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    pub plan: String,
    #[arg(long, required = true)]
    pub against: String,
    /// Use this config file (its [[pair]] and [[not-applicable]] verdicts) instead of the
    /// planlint.toml found by walking up from here.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Use no config file.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
    pub format: ParseFormat,
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    fn enabled(self) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }
}

/// What a command produced: text for standard output, messages for standard error, and the
/// exit status (0 clean, 1 findings, 2 usage or input error).
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub status: u8,
}

impl Outcome {
    pub(crate) fn error(message: impl Into<String>) -> Outcome {
        Outcome {
            stdout: String::new(),
            stderr: format!("planlint: {}\n", message.into()),
            status: 2,
        }
    }
}

/// The rule data: built in, or from directories (each file from the last one holding it),
/// checked against the rules the code has.
pub(crate) fn load_rules(dirs: &[PathBuf]) -> Result<RuleData, Outcome> {
    let data = if dirs.is_empty() {
        RuleData::builtin()
    } else {
        RuleData::from_dirs(dirs).map_err(|e| diagnostic(&e))?
    };
    verify_catalogue(&data.catalogue).map_err(Outcome::error)?;
    Ok(data)
}

pub(crate) fn encoding(args: &InputArgs) -> Result<Option<Encoding>, Outcome> {
    match &args.encoding {
        None => Ok(None),
        Some(e) => Encoding::parse(e).map(Some).ok_or_else(|| {
            Outcome::error(format!(
                "unknown encoding `{e}` (use utf-8, utf-16le, utf-16be or gb18030)"
            ))
        }),
    }
}

pub fn run(cli: Cli) -> Outcome {
    match cli.command {
        Command::Parse {
            file,
            format,
            input,
        } => run_parse(&file, format, &input),
        Command::Check(args) => run_check(&args),
        Command::Diff(args) => crate::diff::run(&args),
        Command::Rules { name: None, rules } => run_rules_list(&rules),
        Command::Rules {
            name: Some(n),
            rules,
        }
        | Command::Explain { name: n, rules } => run_explain(&n, &rules),
        Command::Report(args) => crate::report::coverage::command::run(&args),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "planlint", &mut out);
            text_outcome(out)
        }
        Command::Man => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => text_outcome(out),
                Err(e) => Outcome::error(format!("cannot render the manual page: {e}")),
            }
        }
    }
}

fn text_outcome(bytes: Vec<u8>) -> Outcome {
    Outcome {
        stdout: String::from_utf8_lossy(&bytes).into_owned(),
        stderr: String::new(),
        status: 0,
    }
}

fn run_parse(file: &str, format: ParseFormat, input: &InputArgs) -> Outcome {
    let data = match load_rules(input.rules.as_slice()) {
        Ok(d) => d,
        Err(o) => return o,
    };
    let enc = match encoding(input) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let src = match crate::input::read(file, enc) {
        Ok(s) => s,
        Err(e) => return Outcome::error(format!("{file}: {e}")),
    };
    let doc = parse_document(&src, &data);
    let stdout = match format {
        ParseFormat::Json => report::parse_view::json(&src, &doc),
        ParseFormat::Text => report::parse_view::text(&src, &doc),
    };
    Outcome {
        stdout,
        stderr: String::new(),
        status: 0,
    }
}

fn run_check(args: &CheckArgs) -> Outcome {
    match prepare_check(args) {
        Ok(o) => o,
        Err(o) => o,
    }
}

/// Renders a miette diagnostic (config and rule-data errors) for standard error.
fn diagnostic(e: &dyn miette::Diagnostic) -> Outcome {
    let mut s = String::new();
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    let _ = handler.render_report(&mut s, e);
    Outcome {
        stdout: String::new(),
        stderr: s,
        status: 2,
    }
}

/// planlint.toml: named, found by walking up, or none.
pub(crate) fn load_config(
    explicit: Option<&std::path::Path>,
    none: bool,
) -> Result<Config, Outcome> {
    match config::locate(explicit, none) {
        None => Ok(Config::default()),
        Some(path) => {
            // Rule names are the code's, whatever data directories say: the built-in
            // catalogue validates the config that may name those directories.
            config::load(&path, &RuleData::builtin().catalogue).map_err(|e| diagnostic(&e))
        }
    }
}

fn prepare_check(args: &CheckArgs) -> Result<Outcome, Outcome> {
    if let Some(out) = &args.annotate {
        crate::annotate::check_target(&args.files, out).map_err(Outcome::error)?;
    }
    let config = load_config(args.config.as_deref(), args.no_config)?;
    let mut data_dirs = config.data_dirs.clone();
    data_dirs.extend(args.input.rules.iter().cloned());
    let data = load_rules(&data_dirs)?;
    let enc = encoding(&args.input)?;
    let select = if args.select.is_empty() {
        &config.select
    } else {
        &args.select
    };
    let skip: Vec<String> = config.skip.iter().chain(&args.ignore).cloned().collect();
    let unknown = |u: crate::rules::UnknownRule| {
        Outcome::error(format!("unknown rule `{}` (see `planlint rules`)", u.0))
    };
    let mut set = RuleSet::new(&data.catalogue, select, &skip).map_err(unknown)?;
    for (rule, severity) in &config.severities {
        set.set_severity(&data.catalogue, rule, *severity)
            .map_err(unknown)?;
    }
    let against = match &args.against {
        None => None,
        Some(path) => Some(std::sync::Arc::new(
            load_directive(path, enc, &data).map_err(|e| Outcome::error(format!("{path}: {e}")))?,
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
        data: &data,
        set: &set,
        config: &config,
        encoding: enc,
        against,
        baseline: baseline.as_ref(),
        record: args.write_baseline.is_some(),
    };
    let result = batch.run(&args.files);
    let reports = result.reports;
    let summary = Summary::of(&reports);

    if let Some(path) = &args.write_baseline {
        let mut findings = result.all_findings;
        findings.sort();
        let b = Baseline {
            version: 1,
            findings,
        };
        std::fs::write(path, b.to_json()).map_err(|e| {
            Outcome::error(format!("cannot write baseline {}: {e}", path.display()))
        })?;
        let mut stderr = String::new();
        for r in &reports {
            if let Err(e) = &r.outcome {
                stderr.push_str(&format!("planlint: {}: {e}\n", r.path));
            }
        }
        stderr.push_str(&format!(
            "planlint: wrote {} finding{} to {}\n",
            b.findings.len(),
            if b.findings.len() == 1 { "" } else { "s" },
            path.display()
        ));
        return Ok(Outcome {
            stdout: String::new(),
            stderr,
            status: if summary.failed_files > 0 { 2 } else { 0 },
        });
    }

    let stdout = match args.format {
        CheckFormat::Json => report::json::render(&reports),
        CheckFormat::Sarif => report::sarif::render(&reports, &data.catalogue),
        CheckFormat::Github => report::github::render(&reports, !args.no_summary),
        CheckFormat::Human => report::human::render(
            &reports,
            report::human::Style {
                color: args.color.enabled(),
                unicode: true,
                width: 100,
            },
            !args.no_summary,
            args.quiet,
        ),
    };
    let threshold = match args.fail_on {
        Some(FailOn::Error) => Some(Severity::Error),
        Some(FailOn::Warning) => Some(Severity::Warning),
        Some(FailOn::Info) => Some(Severity::Info),
        Some(FailOn::Never) => None,
        None => config.fail_on.unwrap_or(Some(Severity::Warning)),
    };
    let failing = reports
        .iter()
        .filter_map(|r| r.outcome.as_ref().ok())
        .flat_map(|c| &c.findings)
        .any(|f| threshold.is_some_and(|t| f.severity >= t));
    let status = if summary.failed_files > 0 {
        2
    } else if failing {
        1
    } else {
        0
    };
    // Machine formats keep standard output parseable: read errors go to standard error too.
    let mut stderr = if matches!(args.format, CheckFormat::Json | CheckFormat::Sarif) {
        reports
            .iter()
            .filter_map(|r| {
                r.outcome
                    .as_ref()
                    .err()
                    .map(|e| format!("planlint: {}: {e}\n", r.path))
            })
            .collect()
    } else {
        String::new()
    };
    let mut status = status;
    if let (Some(out), Some(report)) = (&args.annotate, reports.first()) {
        match crate::annotate::write_copy(report, &data, out) {
            Ok(line) => stderr.push_str(&line),
            Err(e) => {
                stderr.push_str(&format!("planlint: --annotate: {e}\n"));
                status = 2;
            }
        }
    }
    Ok(Outcome {
        stdout,
        stderr,
        status,
    })
}

fn run_rules_list(dir: &Option<PathBuf>) -> Outcome {
    let data = match load_rules(dir.as_slice()) {
        Ok(d) => d,
        Err(o) => return o,
    };
    let mut out = String::new();
    for r in &data.catalogue.rule {
        out.push_str(&format!(
            "{:<6} {:<22} {:<8} {}\n",
            r.code,
            r.name,
            r.severity.name(),
            r.summary
        ));
    }
    Outcome {
        stdout: out,
        stderr: String::new(),
        status: 0,
    }
}

fn run_explain(name: &str, dir: &Option<PathBuf>) -> Outcome {
    let data = match load_rules(dir.as_slice()) {
        Ok(d) => d,
        Err(o) => return o,
    };
    match data
        .catalogue
        .rule
        .iter()
        .find(|r| r.name == name || r.code.eq_ignore_ascii_case(name))
    {
        Some(r) => Outcome {
            stdout: format!(
                "{} ({}) · {} · {}\n{}\n{}",
                r.name,
                r.code,
                r.severity.name(),
                match r.scope {
                    crate::data::Scope::Plan => "checks one plan",
                    crate::data::Scope::Directive => "needs --against",
                    crate::data::Scope::Config => "checks planlint.toml",
                },
                r.summary,
                r.explanation
            ),
            stderr: String::new(),
            status: 0,
        },
        None => Outcome::error(format!("unknown rule `{name}` (see `planlint rules`)")),
    }
}
