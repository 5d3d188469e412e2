//! `planlint parse`: the task model as JSON (documented in README.md) or as a readable outline.

use super::json::position;
use crate::model::{DatePoint, Deadline, Document, Target, Task, Unit};
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
pub fn text(src: &SourceFile, doc: &Document) -> String {
    let mut out = String::new();
    let f = &doc.facts;
    out.push_str(&format!(
        "{} ({}, {} lines)\n",
        super::human::printable(&src.name),
        src.encoding.name(),
        src.line_count()
    ));
    if let Some(t) = f.title {
        out.push_str(&format!("  title: {}\n", src.slice(t)));
    }
    if let Some(n) = f.doc_number {
        out.push_str(&format!("  number: {}\n", src.slice(n)));
    }
    if let Some((y, how)) = f.year {
        out.push_str(&format!(
            "  year: {y} (from {how:?}){}\n",
            if doc.is_annual() { ", annual plan" } else { "" }
        ));
    }
    let c = doc.census;
    out.push_str(&format!(
        "  read: {} paragraphs, {} tables ({} rows), {} bracket groups ({} responsibility clauses)\n",
        c.paragraphs, c.tables, c.table_rows, c.bracket_groups, c.clauses
    ));
    // Rows read per table: a table whose rows gave no task shows 0 here (and `unread-table`
    // when its header names a task column).
    for (k, t) in doc.tables.iter().enumerate().filter(|(_, t)| t.rows > 0) {
        let at = t
            .header
            .map_or(String::new(), |h| format!(" L{}", src.line_of(h.start)));
        out.push_str(&format!(
            "  table {}{at}: {} rows, {} tasks read\n",
            k + 1,
            t.rows,
            t.tasks
        ));
    }
    // A note assigning every later task: its units are no task's own, and read all the same.
    for s in &doc.standing_owners {
        let names: Vec<&str> = s.units.iter().map(|u| u.name.as_str()).collect();
        out.push_str(&format!(
            "  standing owners (L{}, every later task): {}\n",
            src.line_of(s.note.start),
            names.join("、")
        ));
    }
    out.push_str(&format!(
        "  {} headings, {} tasks, {} targets\n\n",
        doc.headings.len(),
        doc.tasks.len(),
        doc.targets.len()
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
        task_line(&mut out, src, doc, t, depth_of(doc, t.heading));
    }
    out
}

fn depth_of(doc: &Document, heading: Option<usize>) -> usize {
    doc.heading_path(heading).len()
}

fn task_line(out: &mut String, src: &SourceFile, doc: &Document, t: &Task, depth: usize) {
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
    out.push_str(&format!(
        "{pad}    leads: {}  partners: {}\n",
        names(&t.leads),
        names(&t.partners)
    ));
    let dl = match &t.deadline {
        Some(d) if d.inherited_from.is_some() => format!(
            "{} (continued from {})",
            d.text,
            d.inherited_from
                .and_then(|k| doc.tasks.get(k))
                .map_or("", |t| t.id.as_str())
        ),
        Some(d) => d.text.clone(),
        None => "—".into(),
    };
    out.push_str(&format!("{pad}    deadline: {dl}\n"));
    for &k in &t.targets {
        let g = &doc.targets[k];
        out.push_str(&format!(
            "{pad}    target: {} ({} {} {})\n",
            src.slice(g.span),
            g.bound.name(),
            g.value,
            g.unit
        ));
    }
    if let Some(a) = &t.packed {
        out.push_str(&format!(
            "{pad}    packed: {} items, {} lead groups, {} deadline groups\n",
            a.items, a.lead_groups, a.deadline_groups
        ));
    }
    if t.condition {
        out.push_str(&format!(
            "{pad}    condition (no lead or deadline expected)\n"
        ));
    }
}

#[cfg(test)]
mod tests {
    /// The header names the file as a terminal can show it safely.
    #[test]
    fn the_file_name_is_printable() {
        let src = crate::source::SourceFile::new("plan\u{202e}txt.md", "某市实施方案\n");
        let doc = crate::parse::parse_document(&src, &crate::data::RuleData::builtin());
        let out = super::text(&src, &doc);
        assert!(
            out.starts_with("plan\\u{202e}txt.md (utf-8, 2 lines)"),
            "{out}"
        );
    }
}
