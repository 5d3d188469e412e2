//! `missing-task` (PL201): a directive task with no counterpart in the plan. See rules/rules.toml.

use super::{Context, Findings};
use crate::source::Span;

pub const RULE: &str = "missing-task";

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(ag) = &cx.against else { return };
    for &d in &ag.alignment.unmatched_directive {
        let dt = &ag.doc.tasks[d];
        if dt.condition || dt.not_applicable {
            continue;
        }
        // Where it would belong: after the plan task that carries the directive task before it.
        let anchor = ag
            .alignment
            .pairs
            .iter()
            .filter(|p| p.directive < d)
            .max_by_key(|p| (p.directive, std::cmp::Reverse(p.plan)))
            .map(|p| &cx.doc.tasks[p.plan]);
        let span = match anchor {
            Some(t) => cx.headline(t),
            None => Span::new(
                0,
                cx.src.text.find(['\n', '\r']).unwrap_or(cx.src.text.len()),
            ),
        };
        let where_ = anchor.map_or("at the start of the plan".to_string(), |t| {
            format!("after task {}", t.number.trim())
        });
        let title = first_words(ag.src.slice(dt.text), 30);
        out.report(RULE, span, format!("directive task {} has no counterpart in the plan (it would belong {where_}): {title}", dt.number.trim()))
            .directive(dt.span, dt.number.clone())
            .help("carry the task out in the plan with a lead unit and a deadline, or record why it does not apply");
    }
}

/// The first `n` characters of a text, with an ellipsis when cut.
pub fn first_words(text: &str, n: usize) -> String {
    let t: String = text
        .chars()
        .filter(|c| *c != '\n' && *c != '\r')
        .take(n)
        .collect();
    if text.chars().count() > n {
        format!("{t}…")
    } else {
        t
    }
}
