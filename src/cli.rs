//! Command-line arguments: the clap definitions and nothing else. The commands that act on
//! them are in [`crate::commands`]; the settings they share are built in [`crate::session`].

use crate::data::Lang;
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

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
        /// The language of the text view's own words: zh or en (default: from LC_ALL,
        /// LC_MESSAGES or LANG; planlint.toml plays no part in the model). JSON keys stay English.
        #[arg(long, value_enum)]
        lang: Option<Lang>,
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
