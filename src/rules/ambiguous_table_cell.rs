//! `ambiguous-table-cell` (PL110): packed items whose leads cannot be matched. See rules/rules.toml.

use super::{Context, Findings};

pub const RULE: &str = "ambiguous-table-cell";

pub fn run(cx: &Context, out: &mut Findings) {
    let mut reported_line = None;
    for t in &cx.doc.tasks {
        let Some(why) = &t.ambiguous else { continue };
        let line = cx.src.line_col(t.span.start).line;
        if reported_line == Some(line) {
            continue;
        }
        reported_line = Some(line);
        let items: Vec<&str> = cx
            .doc
            .tasks
            .iter()
            .filter(|x| x.ambiguous.is_some() && cx.src.line_col(x.span.start).line == line)
            .filter_map(|x| x.item_number.as_ref().map(|n| cx.text(n.span)))
            .collect();
        out.report(
            RULE,
            cx.headline(t),
            format!("items {}: {why}", items.join(" ")),
        )
        .help("give each item its own row with its own lead and deadline");
    }
}
