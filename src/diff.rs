//! The views of `planlint diff PLAN --against DIRECTIVE` (the command is
//! [`crate::commands::diff`]): every directive task beside the plan task(s) that carry it out,
//! with an inline character diff, why they were matched, coverage per section, and the plan's
//! own additions.

use crate::align::{Alignment, Coverage};
use crate::data::Lang;
use crate::model::{section_of, Document};
use crate::report::json::position;
use crate::source::SourceFile;
use anstyle::{AnsiColor, Style};
use serde_json::{json, Value};
use similar::{ChangeTag, TextDiff};

/// The `directive-not-cited` message, when the plan cites neither the directive's title nor its
/// number: the comparison may be between siblings, which a reviewer must know before reading
/// any figure. Shown first, in text and JSON, in the session's language (`data.lang`). The rule
/// runs on the plan as read and aligned for the view (nothing is read or aligned twice).
pub fn sibling_warning(
    plan_src: &SourceFile,
    plan: &Document,
    dir_src: &SourceFile,
    dir: &Document,
    alignment: &Alignment,
    data: &crate::data::RuleData,
) -> Vec<String> {
    let rule = crate::rules::directive_not_cited::RULE.to_string();
    let Ok(set) = crate::rules::RuleSet::new(&data.catalogue, &[rule], &[]) else {
        return Vec::new();
    };
    let cx = crate::rules::Context {
        src: plan_src,
        doc: plan,
        data,
        against: Some(crate::rules::Against {
            src: dir_src,
            doc: dir,
            alignment,
        }),
        facts: Default::default(),
    };
    crate::rules::check(&cx, &set)
        .into_iter()
        .map(|f| f.message)
        .collect()
}

struct Section {
    name: String,
    covered: usize,
    partly: usize,
    missing: usize,
    not_applicable: usize,
    total: usize,
}

impl Section {
    /// Tasks carried out (covered or partly) or not applicable.
    fn matched(&self) -> usize {
        self.covered + self.partly + self.not_applicable
    }
}

/// Counts of verdicts by top-level section, in directive order, and in total.
fn coverage(dir_src: &SourceFile, dir: &Document, a: &Alignment) -> (Vec<Section>, Section) {
    let mut out: Vec<Section> = Vec::new();
    let mut all = Section {
        name: String::new(),
        covered: 0,
        partly: 0,
        missing: 0,
        not_applicable: 0,
        total: 0,
    };
    for v in &a.verdicts {
        let name = section_of(dir_src, dir, v.directive);
        let i = match out.iter().position(|s| s.name == name) {
            Some(i) => i,
            None => {
                out.push(Section {
                    name,
                    covered: 0,
                    partly: 0,
                    missing: 0,
                    not_applicable: 0,
                    total: 0,
                });
                out.len() - 1
            }
        };
        for s in [&mut out[i], &mut all] {
            s.total += 1;
            match v.coverage {
                Coverage::Covered => s.covered += 1,
                Coverage::Partly => s.partly += 1,
                Coverage::Missing => s.missing += 1,
                Coverage::NotApplicable => s.not_applicable += 1,
            }
        }
    }
    (out, all)
}

fn one_line(s: &str) -> String {
    s.chars().filter(|c| *c != '\n' && *c != '\r').collect()
}

const DELETED: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)))
    .bold();
const INSERTED: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)))
    .bold();

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
            ChangeTag::Delete if color => a.push_str(&format!("{DELETED}{v}{DELETED:#}")),
            ChangeTag::Delete => a.push_str(&format!("[-{v}-]")),
            ChangeTag::Insert if color => b.push_str(&format!("{INSERTED}{v}{INSERTED:#}")),
            ChangeTag::Insert => b.push_str(&format!("{{+{v}+}}")),
        }
    }
    // Merge adjacent markers that the char diff emits one character at a time.
    (a.replace("-][-", ""), b.replace("+}{+", ""))
}

pub fn text_view(
    psrc: &SourceFile,
    plan: &Document,
    dsrc: &SourceFile,
    dir: &Document,
    a: &Alignment,
    color: bool,
    lang: Lang,
) -> String {
    let w = Words::of(lang);
    let name = |number: &str| crate::rules::task_name(number, lang);
    let mut out = String::new();
    let (sections, all) = coverage(dsrc, dir, a);
    out.push_str(&format!(
        "planlint diff {} --against {}\n",
        psrc.name, dsrc.name
    ));

    out.push_str(&(w.coverage)(&all));
    for s in &sections {
        out.push_str(&format!("  {:>3}/{:<3} {}\n", s.matched(), s.total, s.name));
    }
    out.push('\n');
    let excerpt = |src: &SourceFile, span| {
        one_line(src.slice(span))
            .chars()
            .take(60)
            .collect::<String>()
    };
    for v in &a.verdicts {
        let t = &dir.tasks[v.directive];
        let line = dsrc.line_col(t.span.start).line;
        // Tasks named as the document numbers them; no internal id or raw score.
        out.push_str(&format!(
            "{} {} {}{}{}\n",
            w.directive,
            name(&t.number),
            (w.line)(line),
            w.colon,
            (w.verdict)(v.coverage),
        ));
        if let Some(why) = &v.reason {
            out.push_str(&format!("  {}{}{why}\n", w.reviewer, w.colon));
        }
        if v.coverage == Coverage::Missing {
            out.push_str(&format!(
                "  ✗ {}{}{}\n",
                w.no_counterpart,
                w.colon,
                excerpt(dsrc, t.text)
            ));
            if let Some(body) = &v.national_body {
                out.push_str(&format!("  {}\n", (w.national)(body)));
            }
            if let Some(b) = v.best {
                let pt = &plan.tasks[b];
                out.push_str(&format!(
                    "  {} {} {}{}{}\n",
                    w.nearest,
                    name(&pt.number),
                    (w.line)(psrc.line_col(pt.span.start).line),
                    w.colon,
                    excerpt(psrc, pt.text)
                ));
            }
        }
        if !v.lacking.is_empty() {
            out.push_str(&format!(
                "  {}{}{}\n",
                w.lacks,
                w.colon,
                v.lacking.join(" · ")
            ));
        }
        for p in a.pairs.iter().filter(|p| p.directive == v.directive) {
            let pt = &plan.tasks[p.plan];
            out.push_str(&format!(
                "  ↔ {} {} {}{}  {}{}{}\n",
                w.plan,
                name(&pt.number),
                (w.line)(psrc.line_col(pt.span.start).line),
                if p.shared { w.several } else { "" },
                w.shared,
                w.colon,
                crate::align::shared_terms(dsrc.slice(t.text), psrc.slice(pt.text)).join(" · ")
            ));
            let (old, new) = inline_diff(dsrc.slice(t.text), psrc.slice(pt.text), color);
            out.push_str(&format!("    - {old}\n    + {new}\n"));
        }
    }
    out.push_str(&format!(
        "\n{}{}{}\n",
        w.additions,
        w.colon,
        a.unmatched_plan.len()
    ));
    for &k in &a.unmatched_plan {
        let t = &plan.tasks[k];
        out.push_str(&format!(
            "  {} {} {} {}\n",
            w.plan,
            name(&t.number),
            (w.line)(psrc.line_col(t.span.start).line),
            excerpt(psrc, t.text)
        ));
    }
    out
}

/// The text view's own words, in English or Chinese.
struct Words {
    coverage: fn(&Section) -> String,
    verdict: fn(Coverage) -> &'static str,
    line: fn(usize) -> String,
    colon: &'static str,
    directive: &'static str,
    plan: &'static str,
    reviewer: &'static str,
    no_counterpart: &'static str,
    national: fn(&str) -> String,
    nearest: &'static str,
    lacks: &'static str,
    several: &'static str,
    shared: &'static str,
    additions: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::En => Words {
                coverage: |t| {
                    format!(
                    "coverage: {}/{} directive tasks carried out ({:.1}%), {} in part ({:.1}%), {} missing ({:.1}%), {} not applicable\n",
                    t.covered + t.not_applicable, t.total, pct(t.covered + t.not_applicable, t.total), t.partly, pct(t.partly, t.total), t.missing, pct(t.missing, t.total), t.not_applicable
                )
                },
                verdict: Coverage::name,
                line: |l| format!("L{l}"),
                colon: ": ",
                directive: "directive",
                plan: "plan",
                reviewer: "reviewer",
                no_counterpart: "no counterpart in the plan",
                national: |b| {
                    format!("given to {b}, a national body: not this level's to carry out")
                },
                nearest: "nearest plan task",
                lacks: "the plan lacks",
                several: " (carries several directive tasks)",
                shared: "shared",
                additions: "plan tasks with no directive counterpart (local additions)",
            },
            Lang::Zh => Words {
                coverage: |t| {
                    format!(
                    "覆盖情况：上级文件{}项任务，已体现{}项（{:.1}%），部分体现{}项（{:.1}%），未体现{}项（{:.1}%），不适用{}项\n",
                    t.total, t.covered, pct(t.covered, t.total), t.partly, pct(t.partly, t.total), t.missing, pct(t.missing, t.total), t.not_applicable
                )
                },
                verdict: |c| match c {
                    Coverage::Covered => "已体现",
                    Coverage::Partly => "部分体现",
                    Coverage::Missing => "未体现",
                    Coverage::NotApplicable => "不适用",
                },
                line: |l| format!("第{l}行"),
                colon: "：",
                directive: "上级任务",
                plan: "方案任务",
                reviewer: "审核意见",
                no_counterpart: "方案中未见对应内容",
                national: |b| format!("由{b}承担，属国家层面职责，本级无从落实"),
                nearest: "最接近的方案任务",
                lacks: "方案缺少",
                several: "（同时落实多项上级任务）",
                shared: "共有",
                additions: "上级文件中无对应的方案任务（本地新增）",
            },
        }
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

pub fn json_view(
    psrc: &SourceFile,
    plan: &Document,
    dsrc: &SourceFile,
    dir: &Document,
    a: &Alignment,
    warnings: &[String],
) -> String {
    let task_ref = |src: &SourceFile, doc: &Document, k: usize| {
        let t = &doc.tasks[k];
        let mut m = position(src, t.span);
        m.insert("id".into(), json!(t.id));
        m.insert("number".into(), json!(t.number.trim()));
        m.insert("text".into(), json!(src.slice(t.text)));
        Value::Object(m)
    };
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let tasks: Vec<Value> = a
        .verdicts
        .iter()
        .map(|v| {
            let k = v.directive;
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
                    json!({ "plan": task_ref(psrc, plan, p.plan), "score": round(p.score), "shared_terms": crate::align::shared_terms(dsrc.slice(dir.tasks[k].text), psrc.slice(plan.tasks[p.plan].text)), "carries_several": p.shared, "diff": merge_ops(ops) })
                })
                .collect();
            json!({
                "directive": task_ref(dsrc, dir, k),
                "section": section_of(dsrc, dir, k),
                "verdict": v.coverage.name(),
                "score": round(v.score),
                "nearest": v.best.filter(|_| v.coverage == Coverage::Missing).map(|b| task_ref(psrc, plan, b)),
                "lacking": v.lacking,
                "reason": v.reason,
                "national_body": v.national_body,
                "matches": matches,
            })
        })
        .collect();
    let (sections, all) = coverage(dsrc, dir, a);
    let out = json!({
        "version": 1,
        "plan": psrc.name,
        "directive": dsrc.name,
        "warnings": warnings,
        "coverage": {
            "matched": all.matched(),
            "total": all.total,
            "covered": all.covered,
            "partly": all.partly,
            "missing": all.missing,
            "not_applicable": all.not_applicable,
            // Carried in whole or in part (the share a reviewer's labels of yes and partly
            // measure); the headline rate of `report` is `covered_percent` with not applicable.
            "percent": (pct(all.matched(), all.total) * 10.0).round() / 10.0,
            "covered_percent": (pct(all.covered + all.not_applicable, all.total) * 10.0).round() / 10.0,
            "partly_percent": (pct(all.partly, all.total) * 10.0).round() / 10.0,
            "sections": sections.iter().map(|s| json!({ "section": s.name, "matched": s.matched(), "total": s.total, "covered": s.covered, "partly": s.partly, "missing": s.missing, "not_applicable": s.not_applicable })).collect::<Vec<_>>(),
        },
        "tasks": tasks,
        "local_additions": a.unmatched_plan.iter().map(|&k| task_ref(psrc, plan, k)).collect::<Vec<_>>(),
        "targets": a.targets.iter().map(|tp| {
            let (d, p) = (&dir.targets[tp.directive], &plan.targets[tp.plan]);
            let mut dm = position(dsrc, d.span);
            dm.insert("text".into(), json!(dsrc.slice(d.span)));
            let mut pm = position(psrc, p.span);
            pm.insert("text".into(), json!(psrc.slice(p.span)));
            json!({ "directive": dm, "plan": pm, "score": round(tp.score) })
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
