//! `planlint parse`: the task model as JSON (documented in README.md) or as a readable outline.

use super::json::position;
use super::words::say;
use crate::data::{Bound, Lang};
use crate::model::{DatePoint, Deadline, Document, Target, Task, Unit, YearSource};
use crate::source::{SourceFile, Span};
use serde_json::{json, Value};

fn spanned(src: &SourceFile, span: Span, extra: Value) -> Value {
    let mut m = position(src, span);
    if let Value::Object(e) = extra {
        m.extend(e);
    }
    Value::Object(m)
}

fn date(d: &Option<DatePoint>) -> Value {
    match d {
        Some(d) => {
            json!({ "year": d.year, "month": d.month, "part": d.part, "display": d.display() })
        }
        None => Value::Null,
    }
}

fn unit(src: &SourceFile, u: &Unit) -> Value {
    spanned(src, u.span, json!({ "name": u.name }))
}

fn deadline(src: &SourceFile, doc: &Document, d: &Deadline) -> Value {
    spanned(
        src,
        d.span,
        json!({
            "text": d.text,
            "start_date": date(&d.when.start),
            "end_date": date(&d.when.end),
            "ongoing": d.when.ongoing,
            "recurring": d.when.recurring,
            "duration_years": d.when.duration_years.map(|(a, b)| vec![a, b]),
            "relative": d.when.relative.as_ref().map(|r| json!({ "count": r.count, "unit": r.unit })),
            "not_applicable": d.when.not_applicable,
            "leftover": d.leftover.map(|l| src.slice(l)),
            "inherited_from": d.inherited_from.and_then(|k| doc.tasks.get(k)).map(|t| t.id.clone()),
        }),
    )
}

fn target(src: &SourceFile, doc: &Document, t: &Target) -> Value {
    spanned(
        src,
        t.span,
        json!({
            "text": src.slice(t.span),
            "value": t.value,
            "value_max": t.value_max,
            "unit": t.unit,
            "bound": t.bound.name(),
            "subject": src.slice(t.subject),
            "metric": t.metric,
            "year": date(&t.year),
            "periodic": t.periodic,
            "task": t.task.map(|k| doc.tasks[k].id.clone()),
        }),
    )
}

fn task(src: &SourceFile, doc: &Document, t: &Task) -> Value {
    spanned(
        src,
        t.span,
        json!({
            "id": t.id,
            "number": t.number.trim(),
            "source": t.origin,
            "text": src.slice(t.text),
            "heading": t.heading.map(|h| src.slice(doc.headings[h].title)),
            "leads": t.leads.iter().map(|u| unit(src, u)).collect::<Vec<_>>(),
            "partners": t.partners.iter().map(|u| unit(src, u)).collect::<Vec<_>>(),
            "clause": t.clause.map(|c| src.slice(c)),
            "empty_partner_list": t.empty_partner_list.is_some(),
            "deadline": t.deadline.as_ref().map(|d| deadline(src, doc, d)),
            "targets": t.targets.iter().map(|&k| target(src, doc, &doc.targets[k])).collect::<Vec<_>>(),
            "not_applicable": t.not_applicable,
            "condition": t.condition,
            "packed": t.packed,
            "table": t.table,
        }),
    )
}

pub fn json(src: &SourceFile, doc: &Document) -> String {
    let f = &doc.facts;
    let opt = |s: Option<Span>| s.map(|s| spanned(src, s, json!({ "text": src.slice(s) })));
    let out = json!({
        "version": 1,
        "path": src.name,
        "encoding": src.encoding.name(),
        "facts": {
            "title": opt(f.title),
            "doc_number": opt(f.doc_number),
            "date": opt(f.date),
            "year": f.year.map(|(y, how)| json!({ "year": y, "source": how })),
            "annual_year": f.annual_year,
            "cited": f.cited.iter().map(|c| json!({ "title": src.slice(c.title), "number": c.number.map(|n| src.slice(n)) })).collect::<Vec<_>>(),
        },
        "parts": doc.parts.iter().map(|p| spanned(src, p.span, json!({ "label": p.label }))).collect::<Vec<_>>(),
        "headings": doc.headings.iter().map(|h| spanned(src, h.line, json!({
            "number": src.slice(h.numbering.span),
            "style": h.numbering.style,
            "value": h.numbering.value,
            "title": src.slice(h.title),
            "parent": h.parent,
            "source": h.origin,
        }))).collect::<Vec<_>>(),
        "census": doc.census,
        "tables": doc.tables.iter().enumerate().filter(|(_, t)| t.rows > 0).map(|(k, t)| json!({
            "table": k + 1,
            "header": opt(t.header),
            "rows": t.rows,
            "tasks": t.tasks,
            "task_column": t.task_column,
            "lead_column": t.lead_column,
            "deadline_column": t.deadline_column,
        })).collect::<Vec<_>>(),
        "standing_owners": doc.standing_owners.iter().map(|s| spanned(src, s.note, json!({
            "text": src.slice(s.note),
            "units": s.units.iter().map(|u| unit(src, u)).collect::<Vec<_>>(),
        }))).collect::<Vec<_>>(),
        "unread_clauses": doc.unread_clauses.iter().map(|&s| spanned(src, s, json!({ "text": src.slice(s) }))).collect::<Vec<_>>(),
        "tasks": doc.tasks.iter().map(|t| task(src, doc, t)).collect::<Vec<_>>(),
        "stray_units": doc.stray_units.iter().map(|u| unit(src, u)).collect::<Vec<_>>(),
        "member_lists": doc.member_lists.iter().map(|l| spanned(src, l.label, json!({
            "kind": l.kind,
            "units": l.units.iter().map(|u| unit(src, u)).collect::<Vec<_>>(),
        }))).collect::<Vec<_>>(),
        "schedule": doc.schedule.iter().map(|s| spanned(src, s.span, json!({
            "text": src.slice(s.span),
            "start": date(&Some(s.start)),
            "stage": s.stage.map(|h| src.slice(doc.headings[h].title)),
        }))).collect::<Vec<_>>(),
        "targets": doc.targets.iter().map(|t| target(src, doc, t)).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}

/// A readable outline: headings indented by level, each task with leads, partners, deadline
/// and targets.
/// The model as text, its own words in `lang` (the plan's words as written).
pub fn text(src: &SourceFile, doc: &Document, lang: Lang) -> String {
    let mut out = String::new();
    let f = &doc.facts;
    let name = super::human::printable(&src.name);
    // Lines as an editor or `wc -l` counts them: a final line break opens no line.
    let lines = src.line_count() - usize::from(src.text.ends_with(['\n', '\r']));
    let enc = src.encoding.name();
    out.push_str(&say(
        lang,
        format!(
            "{name} ({enc}, {lines} {})\n",
            if lines == 1 { "line" } else { "lines" }
        ),
        format!("{name}（{enc}，{lines} 行）\n"),
    ));
    if let Some(t) = f.title {
        let t = src.slice(t);
        out.push_str(&say(
            lang,
            format!("  title: {t}\n"),
            format!("  标题：{t}\n"),
        ));
    }
    if let Some(n) = f.doc_number {
        let n = src.slice(n);
        out.push_str(&say(
            lang,
            format!("  number: {n}\n"),
            format!("  文号：{n}\n"),
        ));
    }
    if let Some((y, how)) = f.year {
        let annual = doc.is_annual();
        let from = match how {
            YearSource::Date => "成文日期",
            YearSource::DocNumber => "文号",
            YearSource::Title => "标题",
            YearSource::Citations => "所引文件",
        };
        out.push_str(&say(
            lang,
            format!(
                "  year: {y} (from {how:?}){}\n",
                if annual { ", annual plan" } else { "" }
            ),
            format!(
                "  年份：{y}（据{from}）{}\n",
                if annual { "，年度计划" } else { "" }
            ),
        ));
    }
    let c = doc.census;
    out.push_str(&say(
        lang,
        format!(
            "  read: {} paragraphs, {} tables ({} rows), {} bracket groups ({} responsibility clauses)\n",
            c.paragraphs, c.tables, c.table_rows, c.bracket_groups, c.clauses
        ),
        format!(
            "  读取：{} 个段落，{} 个表格（{} 行），{} 组括号（其中责任分工括注 {} 个）\n",
            c.paragraphs, c.tables, c.table_rows, c.bracket_groups, c.clauses
        ),
    ));
    // Rows read per table: a table whose rows gave no task shows 0 here (and `unread-table`
    // when its header names a task column).
    for (k, t) in doc.tables.iter().enumerate().filter(|(_, t)| t.rows > 0) {
        let at = t
            .header
            .map_or(String::new(), |h| format!(" L{}", src.line_of(h.start)));
        let k = k + 1;
        out.push_str(&say(
            lang,
            format!("  table {k}{at}: {} rows, {} tasks read\n", t.rows, t.tasks),
            format!("  表格 {k}{at}：{} 行，读出任务 {} 项\n", t.rows, t.tasks),
        ));
    }
    // A note assigning every later task: its units are no task's own, and read all the same.
    for s in &doc.standing_owners {
        let names: Vec<&str> = s.units.iter().map(|u| u.name.as_str()).collect();
        let (at, names) = (src.line_of(s.note.start), names.join("、"));
        out.push_str(&say(
            lang,
            format!("  standing owners (L{at}, every later task): {names}\n"),
            format!("  统一责任单位（L{at}，适用于其后各项任务）：{names}\n"),
        ));
    }
    let (h, t, g) = (doc.headings.len(), doc.tasks.len(), doc.targets.len());
    out.push_str(&say(
        lang,
        format!("  {h} headings, {t} tasks, {g} targets\n\n"),
        format!("  编号标题 {h} 个，任务 {t} 项，目标 {g} 个\n\n"),
    ));
    let mut ti = 0;
    for (hi, h) in doc.headings.iter().enumerate() {
        while ti < doc.tasks.len() && doc.tasks[ti].span.start < h.line.start {
            task_line(
                &mut out,
                src,
                doc,
                &doc.tasks[ti],
                depth_of(doc, doc.tasks[ti].heading),
                lang,
            );
            ti += 1;
        }
        let depth = doc.heading_path(Some(hi)).len() - 1;
        out.push_str(&format!(
            "{}{}{}  L{}\n",
            "  ".repeat(depth),
            src.slice(h.numbering.span),
            src.slice(h.title),
            src.line_col(h.line.start).line
        ));
    }
    for t in &doc.tasks[ti..] {
        task_line(&mut out, src, doc, t, depth_of(doc, t.heading), lang);
    }
    out
}

/// A target's bound in the words of a Chinese plan.
fn bound_zh(b: Bound) -> &'static str {
    match b {
        Bound::AtLeast => "不低于",
        Bound::AtMost => "不高于",
        Bound::About => "约",
        Bound::Exactly => "等于",
        Bound::Increase => "提高",
    }
}

fn depth_of(doc: &Document, heading: Option<usize>) -> usize {
    doc.heading_path(heading).len()
}

fn task_line(
    out: &mut String,
    src: &SourceFile,
    doc: &Document,
    t: &Task,
    depth: usize,
    lang: Lang,
) {
    let pad = "  ".repeat(depth);
    let p = src.position(t.span);
    let names = |us: &[Unit]| {
        if us.is_empty() {
            "—".to_string()
        } else {
            us.iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>()
                .join("、")
        }
    };
    let first: String = src
        .slice(t.text)
        .chars()
        .filter(|c| *c != '\n' && *c != '\r')
        .take(40)
        .collect();
    out.push_str(&format!(
        "{pad}{} [{}] L{}-{} {first}\n",
        t.id,
        t.number.trim(),
        p.line,
        p.end_line
    ));
    let (leads, partners) = (names(&t.leads), names(&t.partners));
    out.push_str(&say(
        lang,
        format!("{pad}    leads: {leads}  partners: {partners}\n"),
        format!("{pad}    牵头：{leads}  配合：{partners}\n"),
    ));
    let dl = match &t.deadline {
        Some(d) if d.inherited_from.is_some() => {
            let from = d
                .inherited_from
                .and_then(|k| doc.tasks.get(k))
                .map_or("", |t| t.id.as_str());
            say(
                lang,
                format!("{} (continued from {from})", d.text),
                format!("{}（沿用 {from}）", d.text),
            )
        }
        Some(d) => d.text.clone(),
        None => "—".into(),
    };
    out.push_str(&say(
        lang,
        format!("{pad}    deadline: {dl}\n"),
        format!("{pad}    完成时限：{dl}\n"),
    ));
    for &k in &t.targets {
        let g = &doc.targets[k];
        let (text, value, unit) = (src.slice(g.span), g.value, &g.unit);
        out.push_str(&say(
            lang,
            format!(
                "{pad}    target: {text} ({} {value} {unit})\n",
                g.bound.name()
            ),
            format!(
                "{pad}    目标：{text}（{} {value} {unit}）\n",
                bound_zh(g.bound)
            ),
        ));
    }
    if let Some(a) = &t.packed {
        out.push_str(&say(
            lang,
            format!(
                "{pad}    packed: {} items, {} lead groups, {} deadline groups\n",
                a.items, a.lead_groups, a.deadline_groups
            ),
            format!(
                "{pad}    合写：{} 项，牵头单位 {} 组，完成时限 {} 组\n",
                a.items, a.lead_groups, a.deadline_groups
            ),
        ));
    }
    if t.condition {
        out.push_str(&say(
            lang,
            format!("{pad}    condition (no lead or deadline expected)\n"),
            format!("{pad}    条件（不要求牵头单位和完成时限）\n"),
        ));
    }
}

#[cfg(test)]
mod tests {
    /// The header names the file as a terminal can show it safely.
    #[test]
    fn the_file_name_is_printable() {
        let src = crate::source::SourceFile::new("plan\u{202e}txt.md", "某市实施方案\n");
        let doc = crate::reading::parse_document(&src, &crate::data::RuleData::builtin());
        let out = super::text(&src, &doc, crate::data::Lang::En);
        assert!(
            out.starts_with("plan\\u{202e}txt.md (utf-8, 1 line)"),
            "{out}"
        );
    }
}
