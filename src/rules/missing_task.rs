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
            t!(cx, "where-after", task = cx.task(as_numbered(&t.number)))
        });
        let title = opening(ag.src.slice(dt.text), 40);
        // The nearest plan task in its own words, as a reviewer checks it.
        let nearest = v.best.map_or(String::new(), |b| {
            let t = &cx.doc.tasks[b];
            t!(
                cx,
                "nearest",
                task = cx.task(as_numbered(&t.number)),
                quote = opening(cx.text(t.text), 30)
            )
        });
        // The planlint.toml entry that would accept the finding names the task by its opening
        // words (a fragment of its text, as [[pair]] and [[not-applicable]] match).
        let fragment = first_words(ag.src.slice(dt.text), 12)
            .trim_end_matches('…')
            .to_string();
        let dtask = cx.task(as_numbered(&dt.number));
        // A task only a national body can do: said so, with the not-applicable entry as help.
        let (message, help) = match &v.national_body {
            Some(body) => (
                t!(cx, "national", dtask = dtask, title = title, body = body),
                t!(cx, "help-national", fragment = fragment),
            ),
            None => (
                t!(
                    cx,
                    "message",
                    dtask = dtask,
                    where = where_,
                    nearest = nearest,
                    title = title
                ),
                t!(cx, "help", fragment = fragment),
            ),
        };
        out.report(RULE, span, message)
            .directive(dt.span, cx.task(&dt.number))
            .help(help);
    }
}

/// A task's number as the document prints it: without the `#2` that tells apart several
/// tasks of one item.
pub fn as_numbered(number: &str) -> &str {
    number.split('#').next().unwrap_or(number).trim()
}

/// A text's opening as a reviewer quotes it: its first sentence, or, when that is longer than
/// `n` characters, its clauses up to the last comma within `n`; cut mid-clause only when its
/// first clause alone is longer.
pub fn opening(text: &str, n: usize) -> String {
    let flat: String = text.chars().filter(|c| *c != '\n' && *c != '\r').collect();
    let sentence = flat.split(['。', '；']).next().unwrap_or(&flat);
    if sentence.chars().count() <= n {
        return sentence.to_string();
    }
    let head: String = sentence.chars().take(n).collect();
    match head.rfind(['，', '、', ',']) {
        Some(i) if i > 0 => format!("{}……", &head[..i]),
        _ => format!("{head}……"),
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
    fn a_quote_ends_at_a_sentence_or_clause_and_a_number_has_no_suffix() {
        assert_eq!(super::opening("加强监管。开展检查", 10), "加强监管");
        assert_eq!(
            super::opening(
                "严把餐饮服务质量安全关，全面落实餐饮服务食品安全操作规范，推进明厨亮灶",
                20
            ),
            "严把餐饮服务质量安全关……"
        );
        assert_eq!(super::opening("严把餐饮服务质量安全关", 4), "严把餐饮……");
        assert_eq!(super::as_numbered("三、（三）3.#2"), "三、（三）3.");
    }

    #[test]
    fn first_words_cut_with_an_ellipsis_only_when_longer() {
        assert_eq!(super::first_words("加强监管工作", 3), "加强监…");
        assert_eq!(super::first_words("加强监", 3), "加强监");
        assert_eq!(super::first_words("加\n强", 3), "加强");
        assert_eq!(super::first_words("加强", 3), "加强");
    }
}
