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
            // Each phrase quoted on its own: one pair of quotes around a list of them read as
            // one phrase, and a phrase holding quotes of its own nested them.
            let (phrases, sep): (Vec<String>, &str) = match cx.data.lang {
                // Quotes inside a quote are single (“市‘人工智能+’专项工作组…”).
                crate::data::Lang::Zh => (
                    v.lacking
                        .iter()
                        .map(|p| format!("“{}”", p.replace('“', "‘").replace('”', "’")))
                        .collect(),
                    "、",
                ),
                crate::data::Lang::En => {
                    (v.lacking.iter().map(|p| format!("`{p}`")).collect(), ", ")
                }
            };
            t!(cx, "lacking", phrases = phrases.join(sep))
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
