//! The matrix as JSON (shape documented in README.md, "Coverage report"): the same cells and
//! margins as the HTML, CSV and xlsx, with verdicts by their stable names.

use super::{Cell, Matrix, PlanTask, Tally};
use serde_json::{json, Value};

fn tally(t: &Tally) -> Value {
    json!({
        "matched": t.matched(),
        "carried": t.carried(),
        "total": t.total,
        "percent": t.percent(),
        "partly_percent": t.partly_percent(),
        "missing_percent": t.missing_percent(),
        "covered": t.covered,
        "partly": t.partly,
        "missing": t.missing,
        "not_applicable": t.not_applicable,
        "weaker_target": t.weaker_target,
        "later_deadline": t.later_deadline,
    })
}

fn task(t: &PlanTask) -> Value {
    json!({ "id": t.id, "number": t.number, "line": t.line, "place": t.place, "text": t.text })
}

fn cell(m: &Matrix, plan: usize, c: &Cell) -> Value {
    let tasks = &m.plans[plan].tasks;
    json!({
        "plan": plan,
        "verdict": c.verdict().id(),
        "verdicts": c.verdicts().iter().map(|v| v.id()).collect::<Vec<_>>(),
        "coverage": c.coverage.name(),
        "score": (c.score * 1000.0).round() / 1000.0,
        "plan_tasks": c.carriers.iter().map(|k| task(&tasks[k])).collect::<Vec<_>>(),
        "nearest": c.nearest.map(|k| task(&tasks[&k])),
        "lacking": c.lacking,
        "reason": c.reason,
        "findings": c.findings.iter().map(|n| json!({
            "verdict": n.verdict.id(),
            "rule": n.rule,
            "code": n.code,
            "message": n.message,
            "line": n.line,
            "column": n.column,
            "text": n.text,
            "plan_task": n.task.map(|k| task(&tasks[&k])),
        })).collect::<Vec<_>>(),
    })
}

pub fn render(m: &Matrix) -> String {
    let plans: Vec<Value> = m
        .plans
        .iter()
        .enumerate()
        .map(|(j, p)| {
            json!({
                "path": p.path,
                "name": p.name,
                "warnings": p.warnings,
                "coverage": tally(&m.plan_tally(j)),
                "sections": (0..m.sections.len()).map(|s| {
                    let mut v = tally(&m.section_tally(s, j));
                    v["section"] = json!(m.sections[s].name);
                    v
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let sections: Vec<Value> = m
        .sections
        .iter()
        .enumerate()
        .map(|(s, sec)| {
            json!({
                "name": sec.name,
                "coverage": tally(&m.section_total(s)),
                "tasks": sec.rows.iter().map(|r| json!({
                    "id": r.id,
                    "number": r.number,
                    "line": r.line,
                    "text": r.text,
                    "full_text": r.full,
                    "carried": r.carried(),
                    "cells": r.cells.iter().enumerate().map(|(j, c)| cell(m, j, c)).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let out = json!({
        "version": 1,
        "directive": { "path": m.directive, "tasks": m.rows().count() },
        "plans": plans,
        "unread": m.unread.iter().map(|(p, e)| json!({ "path": p, "error": e })).collect::<Vec<_>>(),
        "coverage": tally(&m.total()),
        "sections": sections,
    });
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}
