//! Checking a batch of plans: inputs expanded, each plan's directive found and parsed once,
//! plans checked in parallel (results in argument order), then accepted findings dropped by
//! ignore entries, Markdown disable comments and the baseline.

use crate::align::{align_with, apply_overrides, DirectiveIndex};
use crate::config::{Config, Override, OverrideKind, UNUSED_IGNORE};
use crate::data::RuleData;
use crate::finding::Finding;
use crate::input::{self, Expanded};
use crate::model::Document;
use crate::parse::parse_document;
use crate::report::{Checked, FileReport};
use crate::rules::{check, Against, Context, RuleSet};
use crate::source::{Encoding, SourceFile, Span};
use crate::suppress::{self, Baseline, BaselineEntry};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// A parsed directive, read for comparison once and shared by every plan checked against it.
pub struct Directive {
    pub path: String,
    pub src: Arc<SourceFile>,
    pub doc: Document,
    pub index: DirectiveIndex,
}

impl Directive {
    pub fn new(path: &str, src: SourceFile, doc: Document, data: &RuleData) -> Directive {
        let index = DirectiveIndex::new(&src, &doc, data);
        Directive {
            path: path.to_string(),
            src: Arc::new(src),
            doc,
            index,
        }
    }
}

pub struct Batch<'a> {
    pub data: &'a RuleData,
    pub set: &'a RuleSet,
    pub config: &'a Config,
    pub encoding: Option<Encoding>,
    /// `--against`: one directive for every plan, over the config's.
    pub against: Option<Arc<Directive>>,
    pub baseline: Option<&'a Baseline>,
    /// Keep every finding's baseline entry (`--write-baseline`).
    pub record: bool,
}

/// What a batch produced: one report per input (argument order), plus, when recording, the
/// baseline entry of every finding before the baseline dropped any.
pub struct BatchResult {
    pub reports: Vec<FileReport>,
    pub all_findings: Vec<BaselineEntry>,
}

/// Reads and parses a directive; a file without tasks is refused with a reason.
pub fn load_directive(
    path: &str,
    enc: Option<Encoding>,
    data: &RuleData,
) -> Result<Directive, String> {
    let src = input::read(path, enc)?;
    let doc = parse_document(&src, data);
    if doc.tasks.is_empty() {
        let c = doc.census;
        return Err(format!(
            "the directive holds no tasks planlint can read, so there is nothing to compare with (read {} paragraphs, {} numbered headings, {} tables, {} bracket groups)",
            c.paragraphs, c.headings, c.tables, c.bracket_groups
        ));
    }
    Ok(Directive::new(path, src, doc, data))
}

/// Parses and checks one decoded plan, optionally against a parsed directive.
pub fn check_source(
    src: &SourceFile,
    data: &RuleData,
    set: &RuleSet,
    directive: Option<(&SourceFile, &Document)>,
) -> Vec<Finding> {
    let directive =
        directive.map(|(dsrc, ddoc)| Directive::new(&dsrc.name, dsrc.clone(), ddoc.clone(), data));
    check_against(src, data, set, directive.as_ref(), &[]).0
}

/// Parses and checks one decoded plan against a directive read once for the run, with the
/// reviewer's verdicts that apply to it. Returns the findings and, per override, whether it
/// matched.
pub fn check_against(
    src: &SourceFile,
    data: &RuleData,
    set: &RuleSet,
    directive: Option<&Directive>,
    overrides: &[&Override],
) -> (Vec<Finding>, Vec<bool>) {
    let a = analyse(src, data, set, directive, overrides);
    (a.findings, a.used)
}

/// One plan read against its directive: its model, the alignment the rules saw (the reviewer's
/// verdicts applied), their findings, and which verdicts matched.
pub struct Analysis {
    pub doc: Document,
    pub alignment: Option<crate::align::Alignment>,
    pub findings: Vec<Finding>,
    pub used: Vec<bool>,
}

/// [`check_against`], keeping the model and the alignment (the coverage report reads both).
pub fn analyse(
    src: &SourceFile,
    data: &RuleData,
    set: &RuleSet,
    directive: Option<&Directive>,
    overrides: &[&Override],
) -> Analysis {
    let doc = parse_document(src, data);
    let (alignment, used) = match directive {
        Some(d) => {
            let a = align_with(src, &doc, &d.index, &d.src, &d.doc, data);
            let (a, used) = apply_overrides(a, overrides, src, &doc, &d.src, &d.doc, data);
            (Some(a), used)
        }
        None => (None, Vec::new()),
    };
    let cx = Context {
        src,
        doc: &doc,
        data,
        against: directive.zip(alignment.as_ref()).map(|(d, a)| Against {
            src: &d.src,
            doc: &d.doc,
            alignment: a,
        }),
    };
    let findings = check(&cx, set);
    Analysis {
        doc,
        alignment,
        findings,
        used,
    }
}

/// The reviewer's verdicts (indices into the config's) for one plan: their path glob matches
/// it, and the directive holds their directive fragment.
pub fn applicable_overrides(config: &Config, directive: &Directive, path: &str) -> Vec<usize> {
    let text: String = directive
        .src
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    config
        .overrides
        .iter()
        .enumerate()
        .filter(|(_, o)| o.path.as_ref().is_none_or(|p| config.matches(p, path)))
        .filter(|(_, o)| {
            let f: String = o.directive.chars().filter(|c| !c.is_whitespace()).collect();
            text.contains(&f)
        })
        .map(|(k, _)| k)
        .collect()
}

/// One plan's result before the batch-wide steps.
struct Single {
    report: FileReport,
    ignores: suppress::IgnoreUse,
    entries: Vec<BaselineEntry>,
    /// Overrides (by index into the config's) that could apply to this plan, and those used.
    overrides_present: Vec<usize>,
    overrides_used: Vec<usize>,
}

impl Batch<'_> {
    pub fn run(&self, args: &[String]) -> BatchResult {
        let inputs = input::expand(args);
        let directives = self.directives(&inputs);
        let singles: Vec<Single> = inputs
            .par_iter()
            .map(|item| match item {
                Expanded::Problem { arg, message } => Single {
                    report: FileReport {
                        path: arg.clone(),
                        outcome: Err(message.clone()),
                    },
                    ignores: suppress::IgnoreUse::default(),
                    entries: Vec::new(),
                    overrides_present: Vec::new(),
                    overrides_used: Vec::new(),
                },
                Expanded::File(path) => self.check_one(path, directives.get(path.as_str())),
            })
            .collect();
        // Per entry: could it have been used in this run, and was it?
        let mut present = vec![false; self.config.ignores.len()];
        let mut used = vec![false; self.config.ignores.len()];
        let mut reports = Vec::with_capacity(singles.len());
        let mut all_findings = Vec::new();
        let mut o_present = vec![false; self.config.overrides.len()];
        let mut o_used = vec![false; self.config.overrides.len()];
        for s in singles {
            for k in s.ignores.used {
                used[k] = true;
            }
            for k in s.ignores.present {
                present[k] = true;
            }
            for k in s.overrides_present {
                o_present[k] = true;
            }
            for k in s.overrides_used {
                o_used[k] = true;
            }
            all_findings.extend(s.entries);
            reports.push(s.report);
        }
        if let Some(report) = self.unused_ignores(&present, &used, &o_present, &o_used) {
            reports.push(report);
        }
        BatchResult {
            reports,
            all_findings,
        }
    }

    /// The directive of every plan: `--against`, else the config's, each parsed once.
    fn directives(&self, inputs: &[Expanded]) -> BTreeMap<String, Result<Arc<Directive>, String>> {
        let mut by_path: BTreeMap<PathBuf, Result<Arc<Directive>, String>> = BTreeMap::new();
        let mut out = BTreeMap::new();
        for item in inputs {
            let Expanded::File(plan) = item else { continue };
            let d = match (&self.against, self.config.directive_for(plan)) {
                (Some(d), _) => Ok(d.clone()),
                (None, Some(dpath)) => by_path
                    .entry(dpath.to_path_buf())
                    .or_insert_with(|| {
                        let p = dpath.to_string_lossy();
                        load_directive(&p, self.encoding, self.data)
                            .map(Arc::new)
                            .map_err(|e| format!("directive {p}: {e}"))
                    })
                    .clone(),
                (None, None) => continue,
            };
            out.insert(plan.clone(), d);
        }
        out
    }

    fn check_one(&self, path: &str, directive: Option<&Result<Arc<Directive>, String>>) -> Single {
        let failed = |e: String| Single {
            report: FileReport {
                path: path.to_string(),
                outcome: Err(e),
            },
            ignores: suppress::IgnoreUse::default(),
            entries: Vec::new(),
            overrides_present: Vec::new(),
            overrides_used: Vec::new(),
        };
        let directive = match directive {
            Some(Err(e)) => return failed(e.clone()),
            Some(Ok(d)) => Some(d.clone()),
            None => None,
        };
        let src = match input::read(path, self.encoding) {
            Ok(s) => s,
            Err(e) => return failed(e),
        };
        let dsrc = directive.as_ref().map(|d| &*d.src);
        let applicable: Vec<usize> = match &directive {
            Some(d) => applicable_overrides(self.config, d, path),
            None => Vec::new(),
        };
        let entries_for: Vec<&Override> = applicable
            .iter()
            .map(|&k| &self.config.overrides[k])
            .collect();
        let (mut findings, used_flags) = check_against(
            &src,
            self.data,
            self.set,
            directive.as_deref(),
            &entries_for,
        );
        let overrides_used: Vec<usize> = applicable
            .iter()
            .zip(used_flags.iter().chain(std::iter::repeat(&false)))
            .filter(|(_, u)| **u)
            .map(|(k, _)| *k)
            .collect();
        let mut suppressed = 0;
        let before = findings.len();
        let unused_regions = if path.to_ascii_lowercase().ends_with(".md") {
            suppress::apply_regions(&src.text, &mut findings)
        } else {
            Vec::new()
        };
        let ignores = suppress::apply_ignores(self.config, path, &src, dsrc, &mut findings);
        suppressed += before - findings.len();
        // Fingerprints only when a baseline is read or written: most runs need none.
        let mut entries = Vec::new();
        if self.record || self.baseline.is_some() {
            let key = self.config.relative(path);
            let prints = suppress::fingerprints(&src, &findings, dsrc);
            if self.record {
                entries = findings
                    .iter()
                    .zip(&prints)
                    .map(|(f, fp)| BaselineEntry {
                        path: key.clone(),
                        rule: f.rule.clone(),
                        fingerprint: fp.clone(),
                        line: src.line_col(f.span.start).line,
                        message: f.message.clone(),
                    })
                    .collect();
            }
            if let Some(b) = self.baseline {
                suppressed += b.apply(&key, &prints, &mut findings);
            }
        }
        for r in unused_regions {
            if let Some(f) = self.unused_finding(
                r.comment,
                "this planlint-disable comment suppressed no finding".to_string(),
            ) {
                findings.push(f);
            }
        }
        findings.sort_by_key(|f| (f.span.start, f.span.end));
        Single {
            report: FileReport {
                path: path.to_string(),
                outcome: Ok(Checked {
                    src,
                    findings,
                    directive: directive.map(|d| (d.path.clone(), Arc::clone(&d.src))),
                    suppressed,
                }),
            },
            ignores,
            entries,
            overrides_present: applicable,
            overrides_used,
        }
    }

    /// An `unused-ignore` finding, if that rule is enabled.
    fn unused_finding(&self, span: Span, message: String) -> Option<Finding> {
        if !self.set.enabled.contains(UNUSED_IGNORE) {
            return None;
        }
        let entry = self
            .data
            .catalogue
            .rule
            .iter()
            .find(|r| r.name == UNUSED_IGNORE)?;
        let severity = self
            .set
            .severities
            .get(UNUSED_IGNORE)
            .copied()
            .unwrap_or(entry.severity);
        let mut f = Finding::new(entry, severity, span, message);
        f.help(self.text("help", &[]));
        Some(f)
    }

    /// A message of `unused-ignore` in the run's language.
    fn text(&self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let template = self
            .data
            .catalogue
            .message(UNUSED_IGNORE, key, self.data.lang)
            .unwrap_or(key);
        crate::rules::fill(template, args)
    }

    /// The config file's own report: ignore entries that matched nothing in this run, and
    /// reviewer verdicts whose directive task was compared with but which matched no task.
    fn unused_ignores(
        &self,
        present: &[bool],
        used: &[bool],
        o_present: &[bool],
        o_used: &[bool],
    ) -> Option<FileReport> {
        let path = self.config.path.as_ref()?;
        let mut findings: Vec<Finding> = self
            .config
            .ignores
            .iter()
            .enumerate()
            .filter(|(k, i)| present[*k] && !used[*k] && self.set.enabled.contains(&i.rule))
            .filter_map(|(_, i)| {
                self.unused_finding(
                    i.span,
                    self.text("ignore", &[("rule", &i.rule), ("text", &i.text)]),
                )
            })
            .collect();
        for (k, o) in self.config.overrides.iter().enumerate() {
            if o_present[k] && !o_used[k] {
                let what = match &o.kind {
                    OverrideKind::Pair { plan } => {
                        self.text("pair", &[("directive", &o.directive), ("plan", plan)])
                    }
                    OverrideKind::NotApplicable { .. } => {
                        self.text("not-applicable", &[("directive", &o.directive)])
                    }
                };
                findings.extend(self.unused_finding(o.span, what));
            }
        }
        findings.sort_by_key(|f| f.span.start);
        if findings.is_empty() {
            return None;
        }
        Some(FileReport {
            path: path.display().to_string(),
            outcome: Ok(Checked {
                src: SourceFile::new(path.display().to_string(), self.config.text.clone()),
                findings,
                directive: None,
                suppressed: 0,
            }),
        })
    }
}
