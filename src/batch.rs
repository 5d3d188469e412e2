//! Checking a batch of plans: inputs expanded, each plan's directive found and parsed once,
//! plans checked in parallel and handed on in argument order as soon as each is ready (a few
//! ahead at most, so memory does not grow with the number of plans), accepted findings dropped
//! by ignore entries, Markdown disable comments and the baseline.

use crate::align::{align_with, apply_overrides, DirectiveIndex};
use crate::config::{Config, Override, OverrideKind};
use crate::data::RuleData;
use crate::finding::Finding;
use crate::finding::{Checked, FileReport};
use crate::input::{self, Expanded};
use crate::model::Document;
use crate::reading::parse_document;
use crate::rules::unused_ignore::{self, Unused};
use crate::rules::{check, Against, Context, RuleSet};
use crate::session::Session;
use crate::source::{Encoding, SourceFile, Span};
use crate::suppress::{self, Baseline, BaselineEntry};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A parsed directive, read for comparison once and shared by every plan checked against it.
pub struct Directive {
    pub path: String,
    pub src: Arc<SourceFile>,
    pub doc: Document,
    pub index: DirectiveIndex,
    /// The directive's text without white space, made when a reviewer's verdict is first
    /// looked for in it (once per run, not once per plan).
    squashed: std::sync::OnceLock<String>,
}

impl Directive {
    pub fn new(path: &str, src: SourceFile, doc: Document, data: &RuleData) -> Directive {
        let doc = crate::grain::by_paragraph(&src, doc, data);
        let index = DirectiveIndex::new(&src, &doc, data);
        Directive {
            path: path.to_string(),
            src: Arc::new(src),
            doc,
            index,
            squashed: std::sync::OnceLock::new(),
        }
    }
}

pub struct Batch<'a> {
    /// The configuration, rule data, encoding, size limit and rule set of the run.
    pub session: &'a Session,
    /// `--against`: one directive for every plan, over the config's.
    pub against: Option<Arc<Directive>>,
    pub baseline: Option<&'a Baseline>,
    /// Keep every finding's baseline entry (`--write-baseline`).
    pub record: bool,
}

/// Reads and parses a directive; a file without tasks is refused with a reason.
pub fn load_directive(
    path: &Path,
    enc: Option<Encoding>,
    max_size: u64,
    data: &RuleData,
) -> Result<Directive, String> {
    let src = input::read(path, enc, max_size)?;
    let doc = crate::grain::unnumbered(&src, parse_document(&src, data), data);
    if doc.tasks.is_empty() {
        let c = doc.census;
        return Err(format!(
            "the directive holds no tasks planlint can read, so there is nothing to compare with (read {} paragraphs, {} numbered headings, {} tables, {} bracket groups)",
            c.paragraphs, c.headings, c.tables, c.bracket_groups
        ));
    }
    Ok(Directive::new(&input::display(path), src, doc, data))
}

/// A plan that is the directive's file itself (named twice, or a [[directive]] glob that
/// covers it): compared with itself it would carry every task, a 100% that says nothing. The
/// reason to refuse it with. (A copy under another name is read as a plan: a test fixture or a
/// plan that is still the directive's text says so by its findings.)
pub fn is_the_directive(plan: &Path, d: &Directive) -> Option<String> {
    let dir = Path::new(&d.path);
    crate::output::is_same_path(plan, dir).then(|| {
        format!(
            "it is the directive it would be compared with ({}): name the plan, and the directive with --against",
            d.path
        )
    })
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
        facts: Default::default(),
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
    if config.overrides.is_empty() {
        return Vec::new();
    }
    let text = directive.squashed.get_or_init(|| {
        directive
            .src
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    });
    config
        .overrides
        .iter()
        .enumerate()
        .filter(|(_, o)| o.path.as_ref().is_none_or(|p| config.matches(p, path)))
        .filter(|(_, o)| {
            let f: String = o.directive.chars().filter(|c| !c.is_whitespace()).collect();
            text.contains(f.as_str())
        })
        .map(|(k, _)| k)
        .collect()
}

/// One plan's result before the batch-wide steps: its report (`R`: a [`FileReport`], then
/// rendered) and what it used of the config.
struct Single<R> {
    report: R,
    ignores: suppress::IgnoreUse,
    entries: Vec<BaselineEntry>,
    /// Overrides (by index into the config's) that could apply to this plan, and those used.
    overrides_present: Vec<usize>,
    overrides_used: Vec<usize>,
}

impl Single<FileReport> {
    fn failed(path: &Path, message: String) -> Single<FileReport> {
        Single {
            report: FileReport {
                path: input::display(path),
                config: false,
                outcome: Err(message),
            },
            ignores: suppress::IgnoreUse::default(),
            entries: Vec::new(),
            overrides_present: Vec::new(),
            overrides_used: Vec::new(),
        }
    }

    fn rendered<T>(self, render: impl Fn(&FileReport) -> T) -> Single<T> {
        Single {
            report: render(&self.report),
            ignores: self.ignores,
            entries: self.entries,
            overrides_present: self.overrides_present,
            overrides_used: self.overrides_used,
        }
    }
}

impl Batch<'_> {
    /// Checks the inputs of `args` and hands each one's rendered report to `sink` in argument
    /// order, the config's own report (unused ignores) last. Plans are checked and rendered in
    /// parallel, at most a few ahead of the one `sink` waits for; `sink` returns false to stop
    /// (the output failed). Returns, when recording, the baseline entry of every finding
    /// before the baseline dropped any.
    pub fn run<T: Send>(
        &self,
        args: &[OsString],
        render: impl Fn(&FileReport) -> T + Sync,
        mut sink: impl FnMut(T) -> bool,
    ) -> Vec<BaselineEntry> {
        let inputs = input::expand(args);
        let directives = self.directives(&inputs);
        let work = |item: &Expanded| -> Single<T> {
            match item {
                Expanded::Problem { arg, message } => Single::failed(arg, message.clone()),
                Expanded::File(path) => self.check_one(path, directives.get(path)),
            }
            .rendered(&render)
        };
        // Per entry: could it have been used in this run, and was it?
        let mut present = vec![false; self.session.config.ignores.len()];
        let mut used = vec![false; self.session.config.ignores.len()];
        let mut o_present = vec![false; self.session.config.overrides.len()];
        let mut o_used = vec![false; self.session.config.overrides.len()];
        let mut all_findings = Vec::new();
        let mut go_on = true;
        ordered(&inputs, work, |s| {
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
            go_on = sink(s.report);
            go_on
        });
        if go_on {
            if let Some(report) = self.unused_ignores(&present, &used, &o_present, &o_used) {
                sink(render(&report));
            }
        }
        all_findings
    }

    /// The directive of every plan: `--against`, else the config's, each parsed once.
    fn directives(&self, inputs: &[Expanded]) -> BTreeMap<PathBuf, Result<Arc<Directive>, String>> {
        let mut by_path: BTreeMap<PathBuf, Result<Arc<Directive>, String>> = BTreeMap::new();
        let mut out = BTreeMap::new();
        for item in inputs {
            let Expanded::File(plan) = item else { continue };
            let d = match (
                &self.against,
                self.session.config.directive_for(&input::display(plan)),
            ) {
                (Some(d), _) => Ok(d.clone()),
                (None, Some(dpath)) => by_path
                    .entry(dpath.to_path_buf())
                    .or_insert_with(|| {
                        load_directive(
                            dpath,
                            self.session.encoding,
                            self.session.max_size,
                            &self.session.data,
                        )
                        .map(Arc::new)
                        .map_err(|e| format!("directive {}: {e}", input::display(dpath)))
                    })
                    .clone(),
                (None, None) => continue,
            };
            out.insert(plan.clone(), d);
        }
        out
    }

    fn check_one(
        &self,
        file: &Path,
        directive: Option<&Result<Arc<Directive>, String>>,
    ) -> Single<FileReport> {
        let directive = match directive {
            Some(Err(e)) => return Single::failed(file, e.clone()),
            Some(Ok(d)) => Some(d.clone()),
            None => None,
        };
        if let Some(why) = directive.as_deref().and_then(|d| is_the_directive(file, d)) {
            return Single::failed(file, why);
        }
        let src = match input::read(file, self.session.encoding, self.session.max_size) {
            Ok(s) => s,
            Err(e) => return Single::failed(file, e),
        };
        let shown = input::display(file);
        let path = shown.as_str();
        let dsrc = directive.as_ref().map(|d| &*d.src);
        let applicable: Vec<usize> = match &directive {
            Some(d) => applicable_overrides(&self.session.config, d, path),
            None => Vec::new(),
        };
        let entries_for: Vec<&Override> = applicable
            .iter()
            .map(|&k| &self.session.config.overrides[k])
            .collect();
        let (mut findings, used_flags) = check_against(
            &src,
            &self.session.data,
            &self.session.set,
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
        let ignores =
            suppress::apply_ignores(&self.session.config, path, &src, dsrc, &mut findings);
        suppressed += before - findings.len();
        // Fingerprints only when a baseline is read or written: most runs need none.
        let mut entries = Vec::new();
        if self.record || self.baseline.is_some() {
            let key = self.session.config.relative(path);
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
            findings.extend(self.unused(r.comment, Unused::DisableComment));
        }
        findings.sort_by_key(|f| (f.span.start, f.span.end));
        Single {
            report: FileReport {
                path: shown.clone(),
                config: false,
                outcome: Ok(Checked {
                    src,
                    findings,
                    directive: directive.map(|d| (d.path.clone(), Arc::clone(&d.src))),
                    suppressed,
                    lang: self.session.data.lang,
                }),
            },
            ignores,
            entries,
            overrides_present: applicable,
            overrides_used,
        }
    }

    /// An `unused-ignore` finding, if that rule is enabled.
    fn unused(&self, span: Span, what: Unused) -> Option<Finding> {
        unused_ignore::finding(&self.session.data, &self.session.set, span, what)
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
        let path = self.session.config.path.as_ref()?;
        let mut findings: Vec<Finding> = self
            .session
            .config
            .ignores
            .iter()
            .enumerate()
            .filter(|(k, i)| present[*k] && !used[*k] && self.session.set.enabled.contains(&i.rule))
            .filter_map(|(_, i)| {
                self.unused(
                    i.span,
                    Unused::Ignore {
                        rule: &i.rule,
                        text: &i.text,
                    },
                )
            })
            .collect();
        for (k, o) in self.session.config.overrides.iter().enumerate() {
            if o_present[k] && !o_used[k] {
                let what = match &o.kind {
                    OverrideKind::Pair { plan } => Unused::Pair {
                        directive: &o.directive,
                        plan,
                    },
                    OverrideKind::NotApplicable { .. } => Unused::NotApplicable {
                        directive: &o.directive,
                    },
                };
                findings.extend(self.unused(o.span, what));
            }
        }
        findings.sort_by_key(|f| f.span.start);
        if findings.is_empty() {
            return None;
        }
        Some(FileReport {
            path: path.display().to_string(),
            config: true,
            outcome: Ok(Checked {
                src: SourceFile::new(path.display().to_string(), self.session.config.text.clone()),
                findings,
                directive: None,
                suppressed: 0,
                lang: self.session.data.lang,
            }),
        })
    }
}

/// Maps `items` on rayon's threads and hands the results to `sink` in order, on this thread, as
/// soon as each is next. At most a few items are mapped or held ahead of `sink`, so memory
/// holds a few results whatever the number of items. Once `sink` returns false no more items
/// are started. A panic in `map` is raised again here.
fn ordered<I: Sync, T: Send>(
    items: &[I],
    map: impl Fn(&I) -> T + Sync,
    mut sink: impl FnMut(T) -> bool,
) {
    let window = 2 * rayon::current_num_threads() + 2;
    let (tx, rx) = std::sync::mpsc::channel();
    // The scope's body runs here, not on a pool thread, so waiting for results never takes a
    // thread the work needs (RAYON_NUM_THREADS=1 included).
    rayon::in_place_scope(|scope| {
        let map = &map;
        let start = |k: usize| {
            let tx = tx.clone();
            let item = &items[k];
            scope.spawn(move |_| {
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| map(item)));
                let _ = tx.send((k, r));
            });
        };
        let mut started = 0;
        while started < items.len().min(window) {
            start(started);
            started += 1;
        }
        let mut held = BTreeMap::new();
        let mut next = 0;
        let mut go_on = true;
        while next < started {
            let Ok((k, r)) = rx.recv() else { break };
            held.insert(k, r);
            while let Some(r) = held.remove(&next) {
                next += 1;
                let r = r.unwrap_or_else(|p| std::panic::resume_unwind(p));
                go_on = go_on && sink(r);
                if go_on && started < items.len() {
                    start(started);
                    started += 1;
                }
            }
        }
    });
}
