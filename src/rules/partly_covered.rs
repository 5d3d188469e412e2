//! `partly-covered` (PL205): a directive task the plan carries only in part. See
//! rules/rules.toml.

use super::{Context, Findings};
use crate::align::Coverage;

pub const RULE: &str = "partly-covered";

/// Reported at the plan task holding the evidence, with the directive's phrases the plan
/// lacks there: a reviewer reads both in seconds.
pub fn run(cx: &Context, out: &mut Findings) {
    let Some(ag) = &cx.against else { return };
    for v in &ag.alignment.verdicts {
        if v.coverage != Coverage::Partly {
            continue;
        }
        let (Some(b), dt) = (v.best, &ag.doc.tasks[v.directive]) else {
            continue;
        };
        if dt.condition || dt.not_applicable {
            continue;
        }
        let pt = &cx.doc.tasks[b];
        let lacking = if v.lacking.is_empty() {
            String::new()
        } else {
            t!(cx, "lacking", phrases = v.lacking.join("、"))
        };
        out.report(
            RULE,
            cx.headline(pt),
            t!(
                cx,
                "message",
                task = cx.task(&pt.number),
                dtask = cx.task(&dt.number),
                lacking = lacking
            ),
        )
        .directive(dt.span, cx.task(&dt.number))
        .help(t!(cx, "help"));
    }
}
