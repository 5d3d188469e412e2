//! `planlint diff PLAN --against DIRECTIVE`: every directive task beside the plan task(s) that
//! carry it out, with an inline character diff, why they were matched, coverage per section,
//! and the plan's own additions.

use crate::align::{align, Alignment};
use crate::cli::{DiffArgs, Outcome, ParseFormat};
use crate::input::read as read_source;
use crate::model::Document;
use crate::report::json::position;
use crate::source::SourceFile;
use serde_json::{json, Value};
use similar::{ChangeTag, TextDiff};

pub fn run(args: &DiffArgs) -> Outcome {
    let data = match crate::cli::load_rules(args.input.rules.as_slice()) {
        Ok(d) => d,
        Err(o) => return o,
    };
    let enc = match crate::cli::encoding(&args.input) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let (plan_src, dir_src) = match (
        read_source(&args.plan, enc),
        read_source(&args.against, enc),
    ) {
        (Ok(p), Ok(d)) => (p, d),
        (Err(e), _) => {
            return Outcome {
                stdout: String::new(),
                stderr: format!("planlint: {}: {e}\n", args.plan),
                status: 2,
            }
        }
        (_, Err(e)) => {
            return Outcome {
                stdout: String::new(),
                stderr: format!("planlint: {}: {e}\n", args.against),
                status: 2,
            }
        }
    };
    let plan = crate::parse::parse_document(&plan_src, &data);
    let dir = crate::parse::parse_document(&dir_src, &data);
    let a = align(&plan_src, &plan, &dir_src, &dir, &data);
    let stdout = match args.format {
        ParseFormat::Json => json_view(&plan_src, &plan, &dir_src, &dir, &a),
        ParseFormat::Text => text_view(
            &plan_src,
            &plan,
            &dir_src,
            &dir,
            &a,
            args.color == crate::cli::Color::Always
                || (args.color == crate::cli::Color::Auto
                    && std::io::IsTerminal::is_terminal(&std::io::stdout())),
        ),
    };
    Outcome {
        stdout,
        stderr: String::new(),
        status: 0,
    }
}

/// The top-level section a directive task stands in, for coverage.
fn section_of(src: &SourceFile, doc: &Document, k: usize) -> String {
    match doc.heading_path(doc.tasks[k].heading).first() {
        Some(&h) => format!(
            "{}{}",
            src.slice(doc.headings[h].numbering.span),
            src.slice(doc.headings[h].title)
        ),
        None => "(no section)".to_string(),
    }
}

struct Section {
    name: String,
    matched: usize,
    total: usize,
}

fn coverage(dir_src: &SourceFile, dir: &Document, a: &Alignment) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for k in 0..dir.tasks.len() {
        let name = section_of(dir_src, dir, k);
        let matched = a.pairs.iter().any(|p| p.directive == k);
        match out.iter_mut().find(|s| s.name == name) {
            Some(s) => {
                s.total += 1;
                s.matched += matched as usize;
            }
            None => out.push(Section {
                name,
                matched: matched as usize,
                total: 1,
            }),
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.chars().filter(|c| *c != '\n' && *c != '\r').collect()
}

fn inline_diff(old: &str, new: &str, color: bool) -> (String, String) {
    let (old, new) = (one_line(old), one_line(new));
    let diff = TextDiff::from_chars(old.as_str(), new.as_str());
    let (mut a, mut b) = (String::new(), String::new());
    for ch in diff.iter_all_changes() {
        let v = ch.value();
        match ch.tag() {
            ChangeTag::Equal => {
                a.push_str(v);
                b.push_str(v);
            }
            ChangeTag::Delete if color => a.push_str(&format!("\x1b[31;1m{v}\x1b[0m")),
            ChangeTag::Delete => a.push_str(&format!("[-{v}-]")),
            ChangeTag::Insert if color => b.push_str(&format!("\x1b[32;1m{v}\x1b[0m")),
            ChangeTag::Insert => b.push_str(&format!("{{+{v}+}}")),
        }
    }
    // Merge adjacent markers that the char diff emits one character at a time.
    (a.replace("-][-", ""), b.replace("+}{+", ""))
}

fn text_view(
    psrc: &SourceFile,
    plan: &Document,
    dsrc: &SourceFile,
    dir: &Document,
    a: &Alignment,
    color: bool,
) -> String {
    let mut out = String::new();
    let total = dir.tasks.len();
    let matched = total - a.unmatched_directive.len();
    out.push_str(&format!(
        "planlint diff {} --against {}\n",
        psrc.name, dsrc.name
    ));
    out.push_str(&format!(
        "coverage: {matched}/{total} directive tasks carried out ({:.1}%)\n",
        pct(matched, total)
    ));
    for s in coverage(dsrc, dir, a) {
        out.push_str(&format!("  {:>3}/{:<3} {}\n", s.matched, s.total, s.name));
    }
    out.push('\n');
    for (k, t) in dir.tasks.iter().enumerate() {
        let line = dsrc.line_col(t.span.start).line;
        out.push_str(&format!(
            "directive {} [{}] L{}\n",
            t.id,
            t.number.trim(),
            line
        ));
        let pairs: Vec<_> = a.pairs.iter().filter(|p| p.directive == k).collect();
        if pairs.is_empty() {
            out.push_str(&format!(
                "  ✗ no counterpart in the plan: {}\n",
                one_line(dsrc.slice(t.text))
                    .chars()
                    .take(60)
                    .collect::<String>()
            ));
        }
        for p in pairs {
            let pt = &plan.tasks[p.plan];
            out.push_str(&format!(
                "  ↔ plan {} [{}] L{}  score {:.2}{}  shared: {}\n",
                pt.id,
                pt.number.trim(),
                psrc.line_col(pt.span.start).line,
                p.score,
                if p.shared {
                    " (carries several directive tasks)"
                } else {
                    ""
                },
                p.shared_terms.join(" · ")
            ));
            let (old, new) = inline_diff(dsrc.slice(t.text), psrc.slice(pt.text), color);
            out.push_str(&format!("    - {old}\n    + {new}\n"));
        }
    }
    out.push_str(&format!(
        "\nplan tasks with no directive counterpart (local additions): {}\n",
        a.unmatched_plan.len()
    ));
    for &k in &a.unmatched_plan {
        let t = &plan.tasks[k];
        out.push_str(&format!(
            "  plan {} [{}] L{} {}\n",
            t.id,
            t.number.trim(),
            psrc.line_col(t.span.start).line,
            one_line(psrc.slice(t.text))
                .chars()
                .take(60)
                .collect::<String>()
        ));
    }
    out
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn json_view(
    psrc: &SourceFile,
    plan: &Document,
    dsrc: &SourceFile,
    dir: &Document,
    a: &Alignment,
) -> String {
    let task_ref = |src: &SourceFile, doc: &Document, k: usize| {
        let t = &doc.tasks[k];
        let mut m = position(src, t.span);
        m.insert("id".into(), json!(t.id));
        m.insert("number".into(), json!(t.number.trim()));
        m.insert("text".into(), json!(src.slice(t.text)));
        Value::Object(m)
    };
    let tasks: Vec<Value> = (0..dir.tasks.len())
        .map(|k| {
            let matches: Vec<Value> = a
                .pairs
                .iter()
                .filter(|p| p.directive == k)
                .map(|p| {
                    let diff = TextDiff::from_chars(dsrc.slice(dir.tasks[k].text), psrc.slice(plan.tasks[p.plan].text));
                    let ops: Vec<Value> = diff
                        .iter_all_changes()
                        .map(|c| json!({ "op": match c.tag() { ChangeTag::Equal => "equal", ChangeTag::Delete => "delete", ChangeTag::Insert => "insert" }, "text": c.value() }))
                        .collect();
                    json!({ "plan": task_ref(psrc, plan, p.plan), "score": (p.score * 1000.0).round() / 1000.0, "shared_terms": p.shared_terms, "carries_several": p.shared, "diff": merge_ops(ops) })
                })
                .collect();
            json!({ "directive": task_ref(dsrc, dir, k), "section": section_of(dsrc, dir, k), "matches": matches })
        })
        .collect();
    let total = dir.tasks.len();
    let matched = total - a.unmatched_directive.len();
    let out = json!({
        "version": 1,
        "plan": psrc.name,
        "directive": dsrc.name,
        "coverage": {
            "matched": matched,
            "total": total,
            "percent": (pct(matched, total) * 10.0).round() / 10.0,
            "sections": coverage(dsrc, dir, a).iter().map(|s| json!({ "section": s.name, "matched": s.matched, "total": s.total })).collect::<Vec<_>>(),
        },
        "tasks": tasks,
        "local_additions": a.unmatched_plan.iter().map(|&k| task_ref(psrc, plan, k)).collect::<Vec<_>>(),
        "targets": a.targets.iter().map(|tp| {
            let (d, p) = (&dir.targets[tp.directive], &plan.targets[tp.plan]);
            let mut dm = position(dsrc, d.span);
            dm.insert("text".into(), json!(dsrc.slice(d.span)));
            let mut pm = position(psrc, p.span);
            pm.insert("text".into(), json!(psrc.slice(p.span)));
            json!({ "directive": dm, "plan": pm, "score": (tp.score * 1000.0).round() / 1000.0 })
        }).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}

/// Joins consecutive diff operations of the same kind.
fn merge_ops(ops: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for op in ops {
        if let (Some(last), Some(kind), Some(text)) =
            (out.last_mut(), op["op"].as_str(), op["text"].as_str())
        {
            if last["op"].as_str() == Some(kind) {
                let joined = format!("{}{}", last["text"].as_str().unwrap_or(""), text);
                last["text"] = json!(joined);
                continue;
            }
        }
        out.push(op);
    }
    out
}
