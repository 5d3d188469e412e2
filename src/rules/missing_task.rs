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
        let where_ = anchor.map_or(t!(cx, "where-start"), |t| {
            t!(cx, "where-after", task = t.number.trim())
        });
        let title = first_words(ag.src.slice(dt.text), 30);
        let nearest = v.best.map_or(String::new(), |b| {
            t!(
                cx,
                "nearest",
                task = cx.doc.tasks[b].number.trim(),
                score = format!("{:.0}", v.score * 100.0)
            )
        });
        // The planlint.toml entry that would accept the finding names the task by its opening
        // words (a fragment of its text, as [[pair]] and [[not-applicable]] match).
        let fragment = first_words(ag.src.slice(dt.text), 12)
            .trim_end_matches('…')
            .to_string();
        out.report(
            RULE,
            span,
            t!(
                cx,
                "message",
                dtask = dt.number.trim(),
                where = where_,
                nearest = nearest,
                title = title
            ),
        )
        .directive(dt.span, dt.number.clone())
        .help(t!(cx, "help", fragment = fragment));
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

#[cfg(test)]
mod first_words_tests {
    #[test]
    fn first_words_cut_with_an_ellipsis_only_when_longer() {
        assert_eq!(super::first_words("加强监管工作", 3), "加强监…");
        assert_eq!(super::first_words("加强监", 3), "加强监");
        assert_eq!(super::first_words("加\n强", 3), "加强");
        assert_eq!(super::first_words("加强", 3), "加强");
    }
}
