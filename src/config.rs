//! planlint.toml: found by walking up from the current directory (or named with `--config`),
//! read strictly (unknown keys are errors pointing into the file), and resolved into plain
//! settings with paths relative to the file's directory.

use crate::data::{Catalogue, Severity};
use crate::source::Span;
use glob::{MatchOptions, Pattern};
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;
use toml::Spanned;

pub const FILE_NAME: &str = "planlint.toml";
/// The rule that reports ignore entries which suppressed nothing.
pub const UNUSED_IGNORE: &str = "unused-ignore";

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    rules: RawRules,
    fail_on: Option<Spanned<String>>,
    baseline: Option<String>,
    max_size: Option<Spanned<RawSize>>,
    lang: Option<Spanned<String>>,
    #[serde(default)]
    directive: Vec<RawDirective>,
    #[serde(default)]
    ignore: Vec<Spanned<RawIgnore>>,
    #[serde(default)]
    pair: Vec<Spanned<RawPair>>,
    #[serde(default)]
    not_applicable: Vec<Spanned<RawNotApplicable>>,
}

/// `max-size = 1048576` or `max-size = "512M"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawSize {
    Bytes(u64),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPair {
    directive: String,
    plan: String,
    path: Option<Spanned<String>>,
    #[allow(dead_code)] // documentation for the reader of planlint.toml
    reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawNotApplicable {
    directive: String,
    reason: String,
    path: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRules {
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    skip: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    data: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawDirective {
    plans: Spanned<String>,
    directive: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawIgnore {
    rule: Spanned<String>,
    text: String,
    path: Option<Spanned<String>>,
    #[allow(dead_code)] // documentation for the reader of planlint.toml
    reason: Option<String>,
}

/// Settings from planlint.toml, resolved.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file, and its text (for findings about the config itself).
    pub path: Option<PathBuf>,
    pub text: String,
    /// The directory paths in the file are relative to.
    pub dir: PathBuf,
    pub select: Vec<String>,
    pub skip: Vec<String>,
    pub severities: Vec<(String, Severity)>,
    pub data_dirs: Vec<PathBuf>,
    /// The failing severity: None when unset, Some(None) for `never`.
    pub fail_on: Option<Option<Severity>>,
    pub baseline: Option<PathBuf>,
    /// `max-size`: inputs larger than this many bytes are refused.
    pub max_size: Option<u64>,
    /// `lang`: the language of findings (over the locale, under `--lang`).
    pub lang: Option<crate::data::Lang>,
    pub directives: Vec<(Pattern, PathBuf)>,
    pub ignores: Vec<Ignore>,
    /// A reviewer's verdicts on directive tasks: `[[pair]]` and `[[not-applicable]]`.
    pub overrides: Vec<Override>,
}

/// A reviewer's verdict on a directive task, by a fragment of its text.
#[derive(Debug, Clone)]
pub struct Override {
    pub directive: String,
    pub kind: OverrideKind,
    pub path: Option<Pattern>,
    /// Where the entry is in planlint.toml.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverrideKind {
    /// `[[pair]]`: the plan task holding this fragment carries the directive task.
    Pair { plan: String },
    /// `[[not-applicable]]`: the plan need not carry the directive task.
    NotApplicable { reason: String },
}

/// An accepted finding: a rule, a fragment of the task's text, optionally a path glob.
#[derive(Debug, Clone)]
pub struct Ignore {
    pub rule: String,
    pub text: String,
    pub path: Option<Pattern>,
    /// Where the entry is in planlint.toml.
    pub span: Span,
}

#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(planlint::config))]
pub struct ConfigError {
    #[source_code]
    pub src: NamedSource<String>,
    #[label("here")]
    pub span: Option<SourceSpan>,
    pub message: String,
}

/// Where the config comes from: discovered, named, or none.
pub fn locate(explicit: Option<&Path>, no_config: bool) -> Option<PathBuf> {
    if no_config {
        return None;
    }
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    // Found k directories up, the path is written ../../planlint.toml, so the paths in it
    // come out the way a person standing here would type them.
    let cwd = std::env::current_dir().ok()?;
    let k = cwd.ancestors().position(|d| d.join(FILE_NAME).is_file())?;
    let mut path = PathBuf::new();
    for _ in 0..k {
        path.push("..");
    }
    path.push(FILE_NAME);
    Some(path)
}

/// `dir/p`, written without a leading `./`.
fn join(dir: &Path, p: &str) -> PathBuf {
    if dir == Path::new(".") {
        PathBuf::from(p)
    } else {
        dir.join(p)
    }
}

/// Reads and validates a config file against the rule catalogue.
pub fn load(path: &Path, catalogue: &Catalogue) -> Result<Config, ConfigError> {
    let text = crate::input::read_text(path).map_err(|e| ConfigError {
        src: NamedSource::new(path.display().to_string(), String::new()),
        span: None,
        message: format!("{}: {e}", path.display()),
    })?;
    let dir = path
        .parent()
        .map(|d| {
            if d.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                d.to_path_buf()
            }
        })
        .unwrap_or_else(|| PathBuf::from("."));
    parse(&text, &path.display().to_string(), dir, catalogue).map(|mut c| {
        c.path = Some(path.to_path_buf());
        c
    })
}

/// Parses config text; `dir` is what relative paths in it are relative to.
pub fn parse(
    text: &str,
    name: &str,
    dir: PathBuf,
    catalogue: &Catalogue,
) -> Result<Config, ConfigError> {
    let error = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
        src: NamedSource::new(name, text.to_string()),
        span: span.map(|r| (r.start, r.len()).into()),
        message,
    };
    let raw: RawConfig =
        toml::from_str(text).map_err(|e| error(e.span(), e.message().trim().to_string()))?;
    let rule_name = |s: &Spanned<String>| -> Result<String, ConfigError> {
        known_rule(catalogue, s.get_ref()).ok_or_else(|| {
            error(
                Some(s.span()),
                format!("unknown rule `{}` (see `planlint rules`)", s.get_ref()),
            )
        })
    };
    let pattern = |s: &Spanned<String>| -> Result<Pattern, ConfigError> {
        Pattern::new(s.get_ref())
            .map_err(|e| error(Some(s.span()), format!("invalid glob pattern: {}", e.msg)))
    };
    let mut config = Config {
        text: text.to_string(),
        dir: dir.clone(),
        ..Config::default()
    };
    for s in &raw.rules.select {
        // Family prefixes such as PL2 are resolved later by RuleSet; names must exist.
        if s.get_ref() != "ALL" && !is_code_prefix(catalogue, s.get_ref()) {
            rule_name(s)?;
        }
        config.select.push(s.get_ref().clone());
    }
    for s in &raw.rules.skip {
        if !is_code_prefix(catalogue, s.get_ref()) {
            rule_name(s)?;
        }
        config.skip.push(s.get_ref().clone());
    }
    for (rule, sev) in &raw.rules.severity {
        let name = known_rule(catalogue, rule).ok_or_else(|| {
            let at = text.find(rule.as_str()).map(|i| i..i + rule.len());
            error(at, format!("unknown rule `{rule}` (see `planlint rules`)"))
        })?;
        let severity = Severity::parse(sev.get_ref()).ok_or_else(|| {
            error(
                Some(sev.span()),
                format!(
                    "unknown severity `{}` (use error, warning or info)",
                    sev.get_ref()
                ),
            )
        })?;
        config.severities.push((name, severity));
    }
    config.data_dirs = raw.rules.data.iter().map(|d| join(&dir, d)).collect();
    if let Some(f) = &raw.fail_on {
        let threshold = match f.get_ref().as_str() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            "never" => None,
            s => {
                return Err(error(
                    Some(f.span()),
                    format!("unknown fail-on `{s}` (use error, warning, info or never)"),
                ))
            }
        };
        config.fail_on = Some(threshold);
    }
    config.baseline = raw.baseline.as_ref().map(|b| join(&dir, b));
    if let Some(m) = &raw.max_size {
        let size = match m.get_ref() {
            RawSize::Bytes(n) => Some(*n).filter(|&n| n > 0),
            RawSize::Text(t) => crate::input::parse_size(t),
        };
        config.max_size = Some(size.ok_or_else(|| {
            error(
                Some(m.span()),
                "max-size is bytes, or a number with K, M or G (\"512M\")".into(),
            )
        })?);
    }
    if let Some(l) = &raw.lang {
        config.lang = Some(crate::data::Lang::parse(l.get_ref()).ok_or_else(|| {
            error(
                Some(l.span()),
                format!("unknown lang `{}` (use zh or en)", l.get_ref()),
            )
        })?);
    }
    for d in &raw.directive {
        config
            .directives
            .push((pattern(&d.plans)?, join(&dir, &d.directive)));
    }
    for entry in &raw.ignore {
        let span = entry.span();
        let e = entry.get_ref();
        if e.text.trim().is_empty() {
            return Err(error(
                Some(span),
                "an ignore entry needs a non-empty `text`: a fragment of the task it accepts"
                    .into(),
            ));
        }
        config.ignores.push(Ignore {
            rule: rule_name(&e.rule)?,
            text: e.text.clone(),
            path: e.path.as_ref().map(pattern).transpose()?,
            span: Span::new(span.start, span.end),
        });
    }
    let fragment = |s: &str, what: &str, span: std::ops::Range<usize>| {
        if s.trim().is_empty() {
            Err(error(
                Some(span),
                format!("this entry needs a non-empty `{what}`: a fragment of the task's text"),
            ))
        } else {
            Ok(s.to_string())
        }
    };
    for entry in &raw.pair {
        let (span, e) = (entry.span(), entry.get_ref());
        config.overrides.push(Override {
            directive: fragment(&e.directive, "directive", span.clone())?,
            kind: OverrideKind::Pair {
                plan: fragment(&e.plan, "plan", span.clone())?,
            },
            path: e.path.as_ref().map(pattern).transpose()?,
            span: Span::new(span.start, span.end),
        });
    }
    for entry in &raw.not_applicable {
        let (span, e) = (entry.span(), entry.get_ref());
        config.overrides.push(Override {
            directive: fragment(&e.directive, "directive", span.clone())?,
            kind: OverrideKind::NotApplicable {
                reason: fragment(&e.reason, "reason", span.clone())?,
            },
            path: e.path.as_ref().map(pattern).transpose()?,
            span: Span::new(span.start, span.end),
        });
    }
    Ok(config)
}

fn known_rule(catalogue: &Catalogue, s: &str) -> Option<String> {
    catalogue
        .rule
        .iter()
        .find(|r| r.name == s || r.code.eq_ignore_ascii_case(s))
        .map(|r| r.name.clone())
}

fn is_code_prefix(catalogue: &Catalogue, s: &str) -> bool {
    s.len() >= 3
        && catalogue.rule.iter().any(|r| {
            r.code
                .to_ascii_uppercase()
                .starts_with(&s.to_ascii_uppercase())
        })
}

impl Config {
    /// A plan path as the config's globs see it: relative to the config's directory.
    pub fn relative(&self, plan: &str) -> String {
        let p = Path::new(plan);
        let abs = |p: &Path| -> PathBuf {
            if p.is_absolute() {
                p.to_path_buf()
            } else {
                std::env::current_dir().unwrap_or_default().join(p)
            }
        };
        let full = normalize(&abs(p));
        let base = normalize(&abs(&self.dir));
        full.strip_prefix(&base)
            .map(|r| r.to_string_lossy().into_owned())
            .unwrap_or_else(|_| plan.trim_start_matches("./").to_string())
    }

    pub fn matches(&self, pattern: &Pattern, plan: &str) -> bool {
        let options = MatchOptions {
            require_literal_separator: true,
            ..MatchOptions::new()
        };
        pattern.matches_with(&self.relative(plan), options)
    }

    /// The directive configured for a plan: the first `[[directive]]` whose glob matches.
    pub fn directive_for(&self, plan: &str) -> Option<&Path> {
        self.directives
            .iter()
            .find(|(p, _)| self.matches(p, plan))
            .map(|(_, d)| d.as_path())
    }
}

/// Removes `.` and resolves `..` lexically (the files may not exist, e.g. stdin).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::RuleData;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(
            text,
            "planlint.toml",
            PathBuf::from("/repo"),
            &RuleData::builtin().catalogue,
        )
    }

    #[test]
    fn full_config_resolves() {
        let c = parse_str(
            r#"
fail-on = "error"
baseline = "planlint-baseline.json"
[rules]
select = ["PL1", "missing-task"]
skip = ["vague-lead"]
severity = { numbering = "info", PL105 = "error" }
data = ["rules-health"]
[[directive]]
plans = "plans/**/*.txt"
directive = "directives/province.txt"
[[ignore]]
rule = "missing-lead"
text = "加强宣传"
path = "plans/a.txt"
"#,
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(Some(Severity::Error)));
        assert_eq!(c.select, ["PL1", "missing-task"]);
        assert_eq!(
            c.severities,
            [
                ("obsolete-agency".to_string(), Severity::Error),
                ("numbering".to_string(), Severity::Info)
            ]
        );
        assert_eq!(c.data_dirs, [PathBuf::from("/repo/rules-health")]);
        assert_eq!(
            c.directive_for("/repo/plans/x/y.txt"),
            Some(Path::new("/repo/directives/province.txt"))
        );
        assert_eq!(c.directive_for("/repo/other/y.txt"), None);
        assert_eq!(c.ignores[0].rule, "missing-lead");
        assert!(c.matches(c.ignores[0].path.as_ref().unwrap(), "/repo/plans/a.txt"));
        assert!(!c.matches(c.ignores[0].path.as_ref().unwrap(), "/repo/plans/x/a.txt"));
    }

    #[test]
    fn unknown_key_points_at_the_key() {
        let text = "[rules]\nselct = [\"missing-lead\"]\n";
        let e = parse_str(text).unwrap_err();
        let span = e.span.unwrap();
        assert_eq!(&text[span.offset()..span.offset() + span.len()], "selct");
        assert!(
            e.message.starts_with("unknown field `selct`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn unknown_rule_and_severity_point_at_their_values() {
        let text = "[rules]\nskip = [\"missing-leed\"]\n";
        let e = parse_str(text).unwrap_err();
        let span = e.span.unwrap();
        assert_eq!(
            &text[span.offset()..span.offset() + span.len()],
            "\"missing-leed\""
        );
        assert_eq!(
            e.message,
            "unknown rule `missing-leed` (see `planlint rules`)"
        );
        let text = "[rules.severity]\nnumbering = \"fatal\"\n";
        let e = parse_str(text).unwrap_err();
        assert_eq!(
            e.message,
            "unknown severity `fatal` (use error, warning or info)"
        );
        let text = "[[ignore]]\nrule = \"missing-lead\"\n";
        let e = parse_str(text).unwrap_err();
        assert!(e.message.contains("missing field `text`"), "{}", e.message);
    }
}
