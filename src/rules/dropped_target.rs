//! `dropped-target` (PL203): a directive target whose task the plan carries, while the plan
//! states no number for its measure: the words kept without the number (逐步提高, 全面推行), or
//! the measure left out altogether. See rules/rules.toml.

use super::{Context, Findings};
use crate::align::plan_states;

pub const RULE: &str = "dropped-target";

/// A plan task carrying the directive task states the same figure in the same unit (给予50%
/// 税收补贴 for 由受益财政给予50%): whatever its words, the number is kept.
fn carriers_repeat(
    cx: &Context,
    ag: &super::Against,
    directive: usize,
    target: &crate::model::Target,
) -> bool {
    let unit = cx.data.metrics.canonical_unit(&target.unit);
    ag.alignment
        .pairs
        .iter()
        .filter(|p| p.directive == directive)
        .flat_map(|p| &cx.doc.tasks[p.plan].targets)
        .map(|&k| &cx.doc.targets[k])
        .any(|t| t.value == target.value && cx.data.metrics.canonical_unit(&t.unit) == unit)
}

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(ag) = &cx.against else { return };
    let mut reported = std::collections::HashSet::new();
    for pair in &ag.alignment.pairs {
        let dt = &ag.doc.tasks[pair.directive];
        let pt = &cx.doc.tasks[pair.plan];
        for &ti in &dt.targets {
            // Compared elsewhere (weakened-target), or already reported at another carrier.
            if ag.alignment.targets.iter().any(|tp| tp.directive == ti) || reported.contains(&ti) {
                continue;
            }
            let target = &ag.doc.targets[ti];
            // A figure of the past, or one of a list (A、B分别达到…), promises no measure alone.
            if target.status || target.respectively.is_some() {
                continue;
            }
            let subject = ag.src.slice(target.subject);
            let words = crate::align::subject_label(subject);
            // A subject that names no measure (配备2—3名: the noun follows the number; 的比例…)
            // tells nothing to look for.
            if words.chars().count() < 3
                || words.starts_with('的')
                || plan_states(ag.src, target, cx.src, cx.doc, cx.data)
                || carriers_repeat(cx, ag, pair.directive, target)
            {
                continue;
            }
            reported.insert(ti);
            out.report(
                RULE,
                cx.headline(pt),
                t!(
                    cx,
                    "message",
                    task = pt.number.trim(),
                    words = words,
                    target = ag.src.slice(target.span)
                ),
            )
            .directive(target.span, dt.number.clone())
            .help(t!(cx, "help", target = ag.src.slice(target.span)));
        }
    }
}
