//! Command-line arguments (clap), validated once into plain options, and the commands.

use crate::batch::{load_directive, Batch};
use crate::config::{self, Config};
use crate::data::{Lang, RuleData, Severity};
use crate::parse::parse_document;
use crate::report::human::printable;
use crate::report::words;
use crate::report::{self, Output, Writer};
use crate::rules::{verify_catalogue, RuleSet};
use crate::source::Encoding;
use crate::suppress::Baseline;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use miette::SourceSpan;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "planlint",
    version,
    about = "Lint Chinese implementation plans (实施方案、工作安排、任务分工表) against their directives",
    long_about = "Lint Chinese implementation plans (实施方案、工作安排、任务分工表) against their \
directives.\n\nplanlint reads a plan (.txt, .md or .docx) into its tasks (who leads each, who \
helps, by when, what numbers it promises), checks it on its own, and compares it with the \
higher-level directive it carries out: missing tasks, weakened targets, later deadlines. \
`report` puts many plans beside one directive in one table for a reviewer."
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
        file: PathBuf,
        /// How to print the model.
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
        /// A rule name or code: print its documentation instead of the list.
        name: Option<String>,
        /// A directory with rules.toml to read the catalogue from instead of the built-in one.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// The language of the documentation (default: planlint.toml's `lang`, else from
        /// LC_ALL, LC_MESSAGES or LANG).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Print a rule's documentation (same as `rules NAME`).
    Explain {
        /// A rule name or code (missing-lead, PL101).
        name: String,
        /// A directory with rules.toml to read the catalogue from instead of the built-in one.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// The language of the documentation (default: planlint.toml's `lang`, else from
        /// LC_ALL, LC_MESSAGES or LANG).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// The reviewer's coverage matrix: the directive's tasks against many plans (HTML, CSV,
    /// xlsx or JSON).
    Report(ReportArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        /// The shell to complete for.
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
    pub files: Vec<OsString>,
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
    /// The language of the report's own words and its findings (default: planlint.toml's
    /// `lang`, else from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
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
    /// One self-contained page: the matrix, then each plan's text.
    Html,
    /// One row per directive task, one column per plan (UTF-8 with BOM, for Excel).
    Csv,
    /// An Excel workbook: the matrix and the coverage per plan and section (needs -o).
    Xlsx,
    /// Every cell with its plan tasks, findings and reasons, for programs.
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Decode input as this encoding (utf-8, utf-16le, utf-16be, gb18030) instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    /// A directory with rule data (lexicon.toml, metrics.toml, agencies.toml, rules.toml) to use
    /// instead of the built-in copies.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Refuse inputs larger than this: bytes, or a number with K, M or G (default 256M, or
    /// planlint.toml's `max-size`).
    #[arg(long, value_name = "SIZE", value_parser = size_arg)]
    pub max_size: Option<u64>,
}

fn size_arg(s: &str) -> Result<u64, String> {
    crate::input::parse_size(s)
        .ok_or_else(|| format!("`{s}` is not a size (use bytes, or a number with K, M or G: 512M)"))
}

#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Plans to check: paths, quoted glob patterns ('plans/**/*.txt'), directories (walked for
    /// .txt, .md and .docx files), or - for standard input.
    #[arg(required = true)]
    pub files: Vec<OsString>,
    /// The higher-level directive the plans implement (over planlint.toml's [[directive]]).
    #[arg(long)]
    pub against: Option<PathBuf>,
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
    /// How to print the findings.
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
    /// Colour the output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Print nothing but the summary line and errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// The language of messages and help texts: zh or en (default: planlint.toml's `lang`,
    /// else from LC_ALL, LC_MESSAGES or LANG: zh* gives Chinese, anything else English).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Leave out the summary line.
    #[arg(long)]
    pub no_summary: bool,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The plan (a path, or - for standard input).
    pub plan: PathBuf,
    /// The directive the plan implements (default: planlint.toml's [[directive]] for the plan).
    #[arg(long)]
    pub against: Option<PathBuf>,
    /// Use this config file (its [[pair]] and [[not-applicable]] verdicts) instead of the
    /// planlint.toml found by walking up from here.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Use no config file.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// How to print the comparison.
    #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
    pub format: ParseFormat,
    /// Colour the output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// The language of the text view's own words: zh or en (default: planlint.toml's `lang`,
    /// else from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// For people: indented, with line numbers.
    Text,
    /// For programs: every node with its byte span, line and column.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Each finding drawn on its lines of the plan, with help.
    Human,
    /// One line per finding: path:line:col: CODE rule message.
    Concise,
    /// Every finding with byte span, line and column, for programs.
    Json,
    /// SARIF 2.1.0, for code review tools.
    Sarif,
    /// GitHub Actions workflow commands (annotations on a pull request).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Only errors fail.
    Error,
    /// Errors and warnings fail.
    Warning,
    /// Any finding fails.
    Info,
    /// Findings never fail (exit 0 unless an input cannot be read).
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always, also into a file or pipe.
    Always,
    /// Never.
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
}

/// The rule data: built in, or from directories (each file from the last one holding it),
/// checked against the rules the code has.
pub(crate) fn load_rules(dirs: &[PathBuf]) -> Result<RuleData, Outcome> {
    let data = if dirs.is_empty() {
        RuleData::builtin()
    } else {
        RuleData::from_dirs(dirs).map_err(|e| data_error(&e))?
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

/// The size limit of inputs: `--max-size`, else the config's, else the default.
pub(crate) fn max_size(args: &InputArgs, config: Option<&Config>) -> u64 {
    args.max_size
        .or(config.and_then(|c| c.max_size))
        .unwrap_or(crate::input::DEFAULT_MAX_SIZE)
}

/// Runs a command; `check` writes its report to `out` as it goes, the others return theirs.
pub fn run(cli: Cli, out: &mut Output) -> Outcome {
    match cli.command {
        Command::Parse {
            file,
            format,
            input,
        } => run_parse(&file, format, &input),
        Command::Check(args) => match prepare_check(&args, out) {
            Ok(o) | Err(o) => o,
        },
        Command::Diff(args) => crate::diff::run(&args),
        Command::Rules {
            name: None,
            rules,
            lang,
        } => run_rules_list(&rules, docs_lang(lang)),
        Command::Rules {
            name: Some(n),
            rules,
            lang,
        }
        | Command::Explain {
            name: n,
            rules,
            lang,
        } => run_explain(&n, &rules, docs_lang(lang)),
        Command::Report(args) => crate::report::coverage::command::run(&args),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "planlint", &mut out);
            text_outcome(out)
        }
        Command::Man => match report::man::page(&Cli::command()) {
            Ok(page) => text_outcome(page.into_bytes()),
            Err(e) => Outcome::error(e),
        },
    }
}

/// The language of `rules` and `explain`: `--lang`, else planlint.toml's `lang` (the file found
/// by walking up from here; one that cannot be read does not stop the documentation from
/// printing), else the locale.
fn docs_lang(flag: Option<Lang>) -> Lang {
    flag.or_else(|| load_config(None, false).ok().and_then(|c| c.lang))
        .unwrap_or_else(Lang::from_env)
}

fn text_outcome(bytes: Vec<u8>) -> Outcome {
    Outcome {
        stdout: String::from_utf8_lossy(&bytes).into_owned(),
        stderr: String::new(),
        status: 0,
    }
}

fn run_parse(file: &Path, format: ParseFormat, input: &InputArgs) -> Outcome {
    let data = match load_rules(input.rules.as_slice()) {
        Ok(d) => d,
        Err(o) => return o,
    };
    let enc = match encoding(input) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let src = match crate::input::read(file, enc, max_size(input, None)) {
        Ok(s) => s,
        Err(e) => {
            return Outcome::error(format!("{}: {e}", crate::input::display(file)));
        }
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

/// A config or rule-data error for standard error, drawn through a window on the file.
fn file_error(
    code: &str,
    message: String,
    file: Option<(&str, &str, Option<SourceSpan>)>,
) -> Outcome {
    let file = file.map(|(name, text, span)| {
        let span = span.map(|s| crate::source::Span::new(s.offset(), s.offset() + s.len()));
        (name, text, span)
    });
    Outcome {
        stdout: String::new(),
        stderr: report::human::render_error(code, &message, file),
        status: 2,
    }
}

fn config_error(e: &config::ConfigError) -> Outcome {
    file_error(
        "planlint::config",
        e.to_string(),
        Some((e.src.name(), e.src.inner(), e.span)),
    )
}

fn data_error(e: &crate::data::DataError) -> Outcome {
    let file = match e {
        crate::data::DataError::Toml { src, span, .. } => {
            Some((src.name(), src.inner().as_str(), *span))
        }
        crate::data::DataError::Io { .. } => None,
    };
    file_error("planlint::rule_data", e.to_string(), file)
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
            config::load(&path, &RuleData::builtin().catalogue).map_err(|e| config_error(&e))
        }
    }
}

fn prepare_check(args: &CheckArgs, out: &mut Output) -> Result<Outcome, Outcome> {
    if let Some(copy) = &args.annotate {
        crate::annotate::check_target(&args.files, copy).map_err(Outcome::error)?;
    }
    let config = load_config(args.config.as_deref(), args.no_config)?;
    let mut data_dirs = config.data_dirs.clone();
    data_dirs.extend(args.input.rules.iter().cloned());
    let mut data = load_rules(&data_dirs)?;
    data.lang = args.lang.or(config.lang).unwrap_or_else(Lang::from_env);
    let lang = data.lang;
    let enc = encoding(&args.input)?;
    let max_size = max_size(&args.input, Some(&config));
    let select = if args.select.is_empty() {
        &config.select
    } else {
        &args.select
    };
    let skip: Vec<String> = config.skip.iter().chain(&args.ignore).cloned().collect();
    let unknown = |u: crate::rules::UnknownRule| Outcome::error(words::unknown_rule(&u.0, lang));
    let mut set = RuleSet::new(&data.catalogue, select, &skip).map_err(unknown)?;
    let checks_plans = data
        .catalogue
        .rule
        .iter()
        .any(|r| r.scope != crate::data::Scope::Config && set.enabled.contains(&r.name));
    if !checks_plans {
        return Err(Outcome::error(words::say(
            lang,
            format!(
                "select [{}] and skip [{}] (planlint.toml and the command line) leave no rule to check plans with",
                select.join(", "),
                skip.join(", ")
            ),
            format!(
                "select [{}] 与 skip [{}]（planlint.toml 和命令行）选定后，已没有可用于检查方案的规则",
                select.join(", "),
                skip.join(", ")
            ),
        )));
    }
    for (rule, severity) in &config.severities {
        set.set_severity(&data.catalogue, rule, *severity)
            .map_err(unknown)?;
    }
    let against = match &args.against {
        None => None,
        Some(path) => Some(std::sync::Arc::new(
            load_directive(path, enc, max_size, &data)
                .map_err(|e| Outcome::error(format!("{}: {e}", crate::input::display(path))))?,
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
        max_size,
    };
    let format = match args.format {
        CheckFormat::Json => report::Format::Json,
        CheckFormat::Sarif => report::Format::Sarif(&data.catalogue),
        CheckFormat::Github => report::Format::Github,
        CheckFormat::Concise => report::Format::Concise,
        CheckFormat::Human => report::Format::Human {
            style: human_style(args.color.enabled()),
            quiet: args.quiet,
        },
    };
    let recording = args.write_baseline.is_some();
    // Machine formats keep standard output parseable, and a baseline run prints no report:
    // read errors go to standard error.
    let errors_apart = recording || matches!(args.format, CheckFormat::Json | CheckFormat::Sarif);
    let mut writer = Writer::new(format, !args.no_summary);
    writer.lang = data.lang;
    let mut stderr = String::new();
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
                    *slot = Some(crate::annotate::write_copy(r, &data, copy).map(
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
                    printable(e)
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
        crate::output::write_atomic(path, b.to_json().as_bytes()).map_err(Outcome::error)?;
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
                    printable(&e)
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

/// `planlint rules`: code, name, severity and title of every rule, in `lang`.
fn run_rules_list(dir: &Option<PathBuf>, lang: Lang) -> Outcome {
    let data = match load_rules(dir.as_slice()) {
        Ok(d) => d,
        Err(o) => return o,
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

/// `planlint explain NAME`: the rule's identity line, its title and its documentation as plain
/// text, in `lang`.
fn run_explain(name: &str, dir: &Option<PathBuf>, lang: Lang) -> Outcome {
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
                "{} ({}) · {} · {}\n{}\n\n{}",
                r.name,
                r.code,
                words::severity(r.severity, lang),
                match (r.scope, lang) {
                    (crate::data::Scope::Plan, Lang::En) => "checks one plan",
                    (crate::data::Scope::Directive, Lang::En) => "needs --against",
                    (crate::data::Scope::Config, Lang::En) => "checks planlint.toml",
                    (crate::data::Scope::Plan, Lang::Zh) => "检查单个方案",
                    (crate::data::Scope::Directive, Lang::Zh) => "需与上级文件比对（--against）",
                    (crate::data::Scope::Config, Lang::Zh) => "检查 planlint.toml",
                },
                r.title(lang),
                words::plain(r.explanation(lang), lang)
            ),
            stderr: String::new(),
            status: 0,
        },
        None => Outcome::error(words::unknown_rule(name, lang)),
    }
}
