//! `missing-task` (PL201): a directive task with no counterpart in the plan. See rules/rules.toml.

use super::{Context, Findings};
use crate::align::Coverage;
use crate::source::Span;

pub const RULE: &str = "missing-task";

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(ag) = &cx.against else { return };
    for v in &ag.alignment.verdicts {
        if v.coverage != Coverage::Missing {
            continue;
        }
        let d = v.directive;
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
        let nearest = v.best.map_or(String::new(), |b| {
            format!(
                "; nearest is task {} ({:.0}% of the evidence of the tasks it carries best)",
                cx.doc.tasks[b].number.trim(),
                v.score * 100.0
            )
        });
        out.report(
            RULE,
            span,
            format!(
                "directive task {} has no counterpart in the plan (it would belong {where_}){nearest}: {title}",
                dt.number.trim()
            ),
        )
        .directive(dt.span, dt.number.clone())
        .help("carry the task out in the plan with a lead unit and a deadline; if the plan carries it in other words, or it does not apply at this level, say so in planlint.toml with [[pair]] or [[not-applicable]]");
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
