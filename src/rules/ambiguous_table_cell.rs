//! `ambiguous-table-cell` (PL110): packed items whose leads cannot be matched. See rules/rules.toml.

use super::{Context, Findings};
use crate::model::Task;
use std::collections::BTreeMap;

pub const RULE: &str = "ambiguous-table-cell";

/// One finding per table line, naming every ambiguous item packed into it.
pub fn run(cx: &Context, out: &mut Findings) {
    let mut by_line: BTreeMap<usize, Vec<&Task>> = BTreeMap::new();
    for t in cx.doc.tasks.iter().filter(|t| t.packed.is_some()) {
        by_line
            .entry(cx.src.line_col(t.span.start).line)
            .or_default()
            .push(t);
    }
    for tasks in by_line.values() {
        let first = tasks[0];
        let Some(p) = first.packed else { continue };
        let items: Vec<&str> = tasks
            .iter()
            .filter_map(|x| x.item_number.as_ref().map(|n| cx.text(n.span)))
            .collect();
        out.report(
            RULE,
            cx.headline(first),
            t!(
                cx,
                "message",
                items = items.join(" "),
                count = p.items,
                leads = p.lead_groups,
                deadlines = p.deadline_groups
            ),
        )
        .help(t!(cx, "help"));
    }
}
