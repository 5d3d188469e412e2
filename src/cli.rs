//! Command-line arguments (clap), validated once into plain options, and the commands.

use crate::align::align;
use crate::data::{RuleData, Severity};
use crate::parse::parse_document;
use crate::report::{self, Checked, FileReport, Summary};
use crate::rules::{check, verify_catalogue, Against, Context, RuleSet};
use crate::source::{Encoding, SourceFile};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

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
    /// Plans to check: paths, or - for standard input.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// The higher-level directive the plans implement.
    #[arg(long)]
    pub against: Option<String>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Only these rules (names or codes, comma-separated or repeated).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules (names or codes).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit with status 1 when a finding of this severity or above is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
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
    fn error(message: impl Into<String>) -> Outcome {
        Outcome {
            stdout: String::new(),
            stderr: format!("planlint: {}\n", message.into()),
            status: 2,
        }
    }
}

fn load_rules(dir: &Option<PathBuf>) -> Result<RuleData, Outcome> {
    let data = match dir {
        None => RuleData::builtin(),
        Some(d) => RuleData::from_dir(d).map_err(|e| {
            let mut s = String::new();
            let handler = miette::GraphicalReportHandler::new_themed(
                miette::GraphicalTheme::unicode_nocolor(),
            );
            let _ = handler.render_report(&mut s, &e);
            Outcome {
                stdout: String::new(),
                stderr: s,
                status: 2,
            }
        })?,
    };
    verify_catalogue(&data.catalogue).map_err(Outcome::error)?;
    Ok(data)
}

fn encoding(args: &InputArgs) -> Result<Option<Encoding>, Outcome> {
    match &args.encoding {
        None => Ok(None),
        Some(e) => Encoding::parse(e).map(Some).ok_or_else(|| {
            Outcome::error(format!(
                "unknown encoding `{e}` (use utf-8, utf-16le, utf-16be or gb18030)"
            ))
        }),
    }
}

/// Reads and decodes one input; `-` is standard input.
pub fn read_source(path: &str, enc: Option<Encoding>) -> Result<SourceFile, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        b
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err("is a directory, not a plan".into());
        }
        std::fs::read(p).map_err(|e| format!("cannot read: {}", io_reason(&e)))?
    };
    let name = if path == "-" { "<stdin>" } else { path };
    SourceFile::from_bytes(name, &bytes, enc).map_err(|e| e.to_string())
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
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
    }
}

fn run_parse(file: &str, format: ParseFormat, input: &InputArgs) -> Outcome {
    let data = match load_rules(&input.rules) {
        Ok(d) => d,
        Err(o) => return o,
    };
    let enc = match encoding(input) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let src = match read_source(file, enc) {
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
    let data = match load_rules(&args.input.rules) {
        Ok(d) => d,
        Err(o) => return o,
    };
    let enc = match encoding(&args.input) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let set = match RuleSet::new(&data.catalogue, &args.select, &args.ignore) {
        Ok(s) => s,
        Err(u) => return Outcome::error(format!("unknown rule `{}` (see `planlint rules`)", u.0)),
    };
    let directive = match &args.against {
        None => None,
        Some(path) => match read_source(path, enc) {
            Ok(src) => {
                let doc = parse_document(&src, &data);
                if doc.tasks.is_empty() {
                    return Outcome::error(format!("{path}: the directive holds no tasks planlint can read, so there is nothing to compare with"));
                }
                Some((path.clone(), src, doc))
            }
            Err(e) => return Outcome::error(format!("{path}: {e}")),
        },
    };
    let reports: Vec<FileReport> = args
        .files
        .iter()
        .map(|path| check_one(path, enc, &data, &set, directive.as_ref()))
        .collect();
    let summary = Summary::of(&reports);
    let stdout = match args.format {
        CheckFormat::Json => report::json::render(&reports),
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
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
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
    let stderr = if args.format == CheckFormat::Json {
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
    Outcome {
        stdout,
        stderr,
        status,
    }
}

fn check_one(
    path: &str,
    enc: Option<Encoding>,
    data: &RuleData,
    set: &RuleSet,
    directive: Option<&(String, SourceFile, crate::model::Document)>,
) -> FileReport {
    let src = match read_source(path, enc) {
        Ok(s) => s,
        Err(e) => {
            return FileReport {
                path: path.to_string(),
                outcome: Err(e),
            }
        }
    };
    let findings = check_source(&src, data, set, directive.map(|(_, s, d)| (s, d)));
    FileReport {
        path: path.to_string(),
        outcome: Ok(Checked {
            src,
            findings,
            directive: directive.map(|(p, s, _)| (p.clone(), s.clone())),
        }),
    }
}

/// Parses and checks one decoded plan, optionally against a parsed directive.
pub fn check_source(
    src: &SourceFile,
    data: &RuleData,
    set: &RuleSet,
    directive: Option<(&SourceFile, &crate::model::Document)>,
) -> Vec<crate::finding::Finding> {
    let doc = parse_document(src, data);
    let alignment = directive.map(|(dsrc, ddoc)| align(src, &doc, dsrc, ddoc, data));
    let cx = Context {
        src,
        doc: &doc,
        data,
        against: directive
            .zip(alignment.as_ref())
            .map(|((dsrc, ddoc), a)| Against {
                src: dsrc,
                doc: ddoc,
                alignment: a,
            }),
    };
    check(&cx, set)
}

fn run_rules_list(dir: &Option<PathBuf>) -> Outcome {
    let data = match load_rules(dir) {
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
    let data = match load_rules(dir) {
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
