//! `planlint man`: one manual page (roff) made from the clap definitions: every subcommand with
//! every option and its values, then exit status, configuration, environment and files. It
//! names no other page of planlint (there is one page).

use clap::Command;
use std::fmt::Write;

/// The whole page for the top-level command `cmd`.
pub fn page(cmd: &Command) -> Result<String, String> {
    let mut cmd = cmd.clone();
    // Built, the commands have their --help and --version, and `help`.
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = String::new();
    type Part = fn(&clap_mangen::Man, &mut dyn std::io::Write) -> std::io::Result<()>;
    let parts: [Part; 5] = [
        clap_mangen::Man::render_title,
        clap_mangen::Man::render_name_section,
        clap_mangen::Man::render_synopsis_section,
        clap_mangen::Man::render_description_section,
        clap_mangen::Man::render_options_section,
    ];
    for (k, part) in parts.iter().enumerate() {
        let mut bytes = Vec::new();
        part(&man, &mut bytes).map_err(|e| format!("cannot render the manual page: {e}"))?;
        let text = String::from_utf8_lossy(&bytes);
        // Each part opens with the same two-line preamble (apostrophes): kept once.
        let text = if k == 0 {
            &text[..]
        } else {
            text.splitn(3, '\n').nth(2).unwrap_or("")
        };
        out.push_str(text);
    }
    out.push_str(".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        command(&mut out, sub);
    }
    out.push_str(TAIL);
    Ok(out)
}

/// One subcommand: its usage line, what it does, and its arguments.
fn command(out: &mut String, sub: &Command) {
    let name = sub.get_name();
    let _ = writeln!(out, ".SS \"planlint {name}\"");
    let usage: Vec<String> = sub
        .get_arguments()
        .filter(|a| a.is_positional() && !a.is_hide_set())
        .map(|a| {
            let v = value_name(a);
            if a.is_required_set() {
                format!("\\fI{v}\\fR")
            } else {
                format!("[\\fI{v}\\fR]")
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "\\fBplanlint {name}\\fR [\\fIOPTIONS\\fR] {}",
        usage.join(" ")
    );
    out.push_str(".br\n");
    if let Some(about) = sub.get_long_about().or(sub.get_about()) {
        let _ = writeln!(out, "{}", escape(&about.to_string()));
    }
    for a in sub.get_arguments().filter(|a| !a.is_hide_set()) {
        out.push_str(".TP\n");
        let label = if a.is_positional() {
            format!("\\fI{}\\fR", value_name(a))
        } else {
            let mut names = Vec::new();
            if let Some(s) = a.get_short() {
                names.push(format!("\\fB\\-{s}\\fR"));
            }
            if let Some(l) = a.get_long() {
                names.push(format!("\\fB\\-\\-{}\\fR", escape(l)));
            }
            let takes = a.get_num_args().is_none_or(|n| n.takes_values())
                && !matches!(
                    a.get_action(),
                    clap::ArgAction::SetTrue
                        | clap::ArgAction::SetFalse
                        | clap::ArgAction::Help
                        | clap::ArgAction::HelpShort
                        | clap::ArgAction::HelpLong
                        | clap::ArgAction::Version
                        | clap::ArgAction::Count
                );
            let value = if takes {
                format!(" \\fI{}\\fR", value_name(a))
            } else {
                String::new()
            };
            format!("{}{value}", names.join(", "))
        };
        let _ = writeln!(out, "{label}");
        let help = a
            .get_long_help()
            .or(a.get_help())
            .map(|h| h.to_string())
            .unwrap_or_default();
        let _ = writeln!(out, "{}", escape(&help));
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            let _ = writeln!(out, ".br\nDefault: {}.", escape(&defaults.join(", ")));
        }
        let values = a.get_possible_values();
        if !values.is_empty() && !a.is_hide_possible_values_set() {
            for v in values.iter().filter(|v| !v.is_hide_set()) {
                let _ = writeln!(
                    out,
                    ".br\n\\(bu \\fB{}\\fR: {}",
                    escape(v.get_name()),
                    escape(&v.get_help().map(|h| h.to_string()).unwrap_or_default())
                );
            }
        }
    }
}

/// An argument's value name in upper case (`FILES`, `DIR`).
fn value_name(a: &clap::Arg) -> String {
    a.get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_string())
        .unwrap_or_else(|| a.get_id().to_string().to_uppercase())
}

/// Text for roff: backslashes written as `\e`, hyphens as `\-`, and a line that would open
/// with `.` or `'` (a request) guarded with `\&`.
fn escape(s: &str) -> String {
    s.replace('\\', "\\e")
        .replace('-', "\\-")
        .lines()
        .map(|l| {
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n.br\n")
}

/// Exit status, configuration, environment and files.
const TAIL: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
No finding at or above the failing severity (\fB\-\-fail\-on\fR, default warning); for \fBreport\fR, \fBdiff\fR and the other commands: done.
.TP
\fB1\fR
\fBcheck\fR reported a finding at or above the failing severity.
.TP
\fB2\fR
A usage or input error: an unknown option or rule, a file that cannot be read (the other files are still checked and reported), a directive without tasks, planlint.toml or rule data that cannot be read, output that cannot be written.
.SH CONFIGURATION
\fBcheck\fR, \fBdiff\fR and \fBreport\fR read \fIplanlint.toml\fR from the current directory or the nearest parent that has one (\fB\-\-config\fR \fIFILE\fR names one, \fB\-\-no\-config\fR uses none); \fBrules\fR and \fBexplain\fR read its \fBlang\fR. Paths in it are relative to its directory. Unknown keys and rules are errors that point into the file. Command\-line options win over the file.
.TP
\fBlang\fR = "zh" | "en"
The language of findings, help texts, documentation and the report's own words.
.TP
\fBfail\-on\fR = "error" | "warning" | "info" | "never"
The severity at which \fBcheck\fR exits 1.
.TP
\fBbaseline\fR = "planlint\-baseline.json"
Report only findings not recorded in this file (used when it exists).
.TP
\fBmax\-size\fR = "256M"
Refuse inputs larger than this (bytes, or a number with K, M or G).
.TP
\fB[rules]\fR select, skip, severity, data
Rules by name, code or code prefix to check or skip; a severity per rule; extra rule\-data directories.
.TP
\fB[[directive]]\fR plans, directive
The directive of each group of plans (a glob), used when \fB\-\-against\fR is not given.
.TP
\fB[[ignore]]\fR rule, text, path, reason
Accept the findings of a rule whose lines contain the text.
.TP
\fB[[pair]]\fR directive, plan, path, reason
A reviewer's verdict: the plan task holding \fIplan\fR carries the directive task holding \fIdirective\fR.
.TP
\fB[[not\-applicable]]\fR directive, reason, path
A reviewer's verdict: the directive task holding \fIdirective\fR does not apply to the plan.
.SH ENVIRONMENT
.TP
\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
The first one set chooses the language when neither \fB\-\-lang\fR nor planlint.toml does: zh* gives Chinese, anything else English.
.TP
\fBNO_COLOR\fR
Set: no colour with \fB\-\-color auto\fR.
.SH FILES
.TP
\fIplanlint.toml\fR
The configuration, found by walking up from the current directory.
.TP
\fIplanlint\-baseline.json\fR
A baseline written by \fBcheck \-\-write\-baseline\fR and read by \fB\-\-baseline\fR (any name; this one is the usual).
.TP
\fIDIR\fR/rules.toml, lexicon.toml, metrics.toml, agencies.toml, units.toml, words.txt
Rule data given with \fB\-\-rules\fR \fIDIR\fR or \fB[rules] data\fR; without them the copies built into the binary are used.
"#;
