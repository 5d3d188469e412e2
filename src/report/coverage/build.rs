//! Building the matrix: every plan checked against the directive as `check --against` does
//! (the reviewer's `[[pair]]` and `[[not-applicable]]` applied, `[[ignore]]` and disable
//! comments honoured), its verdicts read off the alignment, and its `weakened-target` and
//! `later-deadline` findings attached to the directive task they are about.

use super::{Cell, Matrix, Note, Plan, PlanTask, Row, Section, Verdict};
use crate::align::{Alignment, Coverage};
use crate::batch::{analyse, applicable_overrides, Directive};
use crate::config::Override;
use crate::finding::Finding;
use crate::input::{self, Expanded};
use crate::model::{section_of, Document};
use crate::session::Session;
use crate::source::SourceFile;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// One plan's column before it joins the matrix.
struct Column {
    plan: Plan,
    cells: Vec<Cell>,
}

/// Reads and checks every input (in parallel, results in argument order) and lays out the
/// matrix.
/// Every plan is read with the session's encoding, size limit, rule data, rule set and
/// configuration, against `directive`.
pub fn matrix(session: &Session, directive: &Directive, inputs: &[Expanded]) -> Matrix {
    let results: Vec<Result<Column, (String, String)>> = inputs
        .par_iter()
        .map(|item| match item {
            Expanded::Problem { arg, message } => Err((input::display(arg), message.clone())),
            Expanded::File(path) => {
                column(session, directive, path).map_err(|e| (input::display(path), e))
            }
        })
        .collect();
    let mut columns = Vec::new();
    let mut unread = Vec::new();
    for r in results {
        match r {
            Ok(c) => columns.push(c),
            Err(e) => unread.push(e),
        }
    }
    name_columns(&mut columns);
    let d = directive;
    let mut sections: Vec<Section> = Vec::new();
    for (k, t) in d.doc.tasks.iter().enumerate() {
        let name = section_of(&d.src, &d.doc, k);
        if sections.last().is_none_or(|s| s.name != name) {
            sections.push(Section {
                name,
                rows: Vec::new(),
            });
        }
        let row = Row {
            id: t.id.clone(),
            // As a reviewer names it (第五条第2段), never the model's 第五条¶2.
            number: crate::rules::task_name(&t.number, session.data.lang),
            line: d.src.line_col(t.span.start).line,
            text: d.src.slice(t.text).trim().to_string(),
            full: d.src.slice(t.span).trim().to_string(),
            cells: columns.iter().map(|c| c.cells[k].clone()).collect(),
        };
        sections.last_mut().expect("just pushed").rows.push(row);
    }
    Matrix {
        directive: d.path.clone(),
        sections,
        plans: columns.into_iter().map(|c| c.plan).collect(),
        unread,
    }
}

/// Column headings: file names without extension, or whole paths where two plans share one.
fn name_columns(columns: &mut [Column]) {
    let stem = |p: &str| {
        std::path::Path::new(p)
            .file_stem()
            .map_or(p.to_string(), |s| s.to_string_lossy().into_owned())
    };
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for c in columns.iter() {
        *count.entry(stem(&c.plan.path)).or_default() += 1;
    }
    for c in columns.iter_mut() {
        let s = stem(&c.plan.path);
        c.plan.name = if count[&s] > 1 {
            c.plan.path.clone()
        } else {
            s
        };
    }
}

fn column(session: &Session, d: &Directive, file: &std::path::Path) -> Result<Column, String> {
    if let Some(why) = crate::batch::is_the_directive(file, d) {
        return Err(why);
    }
    let src = input::read(file, session.encoding, session.max_size)?;
    let shown = input::display(file);
    let path = shown.as_str();
    let entries: Vec<&Override> = applicable_overrides(&session.config, d, path)
        .into_iter()
        .map(|k| &session.config.overrides[k])
        .collect();
    let analysis = analyse(&src, &session.data, &session.set, Some(d), &entries);
    let mut findings = analysis.findings;
    // The drafter's and the reviewer's acceptances hold here as in `check`.
    if path.to_ascii_lowercase().ends_with(".md") {
        crate::suppress::apply_regions(&src.text, &mut findings);
    }
    crate::suppress::apply_ignores(&session.config, path, &src, Some(&d.src), &mut findings);
    let a = analysis.alignment.unwrap_or_default();
    // One verdict per directive task is the alignment's contract; a row must never lack a cell.
    if a.verdicts.len() != d.doc.tasks.len() {
        return Err("the plan could not be aligned with the directive".into());
    }
    let doc = &analysis.doc;
    let warnings: Vec<String> = findings
        .iter()
        .filter(|f| f.rule == crate::rules::directive_not_cited::RULE)
        .map(|f| f.message.clone())
        .collect();
    let mut notes: Vec<Vec<Note>> = vec![Vec::new(); d.doc.tasks.len()];
    for f in &findings {
        let verdict = match f.rule.as_str() {
            "weakened-target" => Verdict::WeakerTarget,
            "later-deadline" => Verdict::LaterDeadline,
            _ => continue,
        };
        if let Some(k) = directive_task_of(f, d, doc, &a) {
            let at = src.line_col(f.span.start);
            let task = holder(doc, f);
            notes[k].push(Note {
                verdict,
                rule: f.rule.clone(),
                code: f.code.clone(),
                message: f.message.clone(),
                line: at.line,
                column: at.column,
                text: src.slice(f.span).to_string(),
                task,
            });
        }
    }
    let mut tasks = BTreeMap::new();
    let mut cells = Vec::with_capacity(a.verdicts.len());
    for (v, notes) in a.verdicts.iter().zip(notes) {
        let carriers: Vec<usize> = a
            .pairs
            .iter()
            .filter(|p| p.directive == v.directive)
            .map(|p| p.plan)
            .collect();
        let dt = &d.doc.tasks[v.directive];
        // A condition (否决项) or a directive row marked 合理缺项 asks nothing of the plan.
        let (coverage, reason) = match v.coverage {
            Coverage::Missing if dt.condition => (
                Coverage::NotApplicable,
                Some("the directive task states a condition, not work to do".to_string()),
            ),
            Coverage::Missing if dt.not_applicable => (
                Coverage::NotApplicable,
                Some("the directive marks the task 合理缺项".to_string()),
            ),
            c => (c, v.reason.clone()),
        };
        let nearest = v.best.filter(|_| coverage == Coverage::Missing);
        let held = notes.iter().filter_map(|n| n.task);
        for k in carriers.iter().chain(nearest.iter()).copied().chain(held) {
            tasks.entry(k).or_insert_with(|| plan_task(&src, doc, k));
        }
        cells.push(Cell {
            coverage,
            score: v.score,
            carriers,
            nearest,
            lacking: v.lacking.clone(),
            reason,
            findings: notes,
        });
    }
    Ok(Column {
        plan: Plan {
            path: path.to_string(),
            name: String::new(),
            tasks,
            warnings,
        },
        cells,
    })
}

/// The innermost plan task whose text holds the finding.
fn holder(doc: &Document, f: &Finding) -> Option<usize> {
    doc.tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.span.start <= f.span.start && f.span.end <= t.span.end)
        .min_by_key(|(_, t)| t.span.len())
        .map(|(k, _)| k)
}

fn plan_task(src: &SourceFile, doc: &Document, k: usize) -> PlanTask {
    let t = &doc.tasks[k];
    PlanTask {
        id: t.id.clone(),
        number: t.number.trim().to_string(),
        line: src.line_col(t.span.start).line,
        place: src.place_at(t.span.start),
        text: src.slice(t.span).trim().to_string(),
    }
}

/// The directive task a comparative finding is about. The finding keeps the directive's span
/// (a target, or a deadline that merged table cells may share between tasks), so the task is
/// the one owning that span that is paired with the plan task the finding points into.
fn directive_task_of(f: &Finding, d: &Directive, plan: &Document, a: &Alignment) -> Option<usize> {
    let dspan = f.directive.as_ref()?.span;
    let owns = |k: usize| {
        let t = &d.doc.tasks[k];
        t.deadline.as_ref().is_some_and(|dl| dl.span == dspan)
            || t.targets.iter().any(|&x| d.doc.targets[x].span == dspan)
            || (t.span.start <= dspan.start && dspan.end <= t.span.end)
    };
    let holds = |p: usize| {
        let t = &plan.tasks[p];
        (t.span.start <= f.span.start && f.span.end <= t.span.end)
            || t.deadline.as_ref().is_some_and(|dl| dl.span == f.span)
            || t.targets.iter().any(|&x| plan.targets[x].span == f.span)
    };
    let owners: Vec<usize> = (0..d.doc.tasks.len()).filter(|&k| owns(k)).collect();
    owners
        .iter()
        .copied()
        .find(|&k| a.pairs.iter().any(|p| p.directive == k && holds(p.plan)))
        .or_else(|| owners.first().copied())
}
