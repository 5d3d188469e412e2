//! `dropped-target` (PL203): a matched plan task keeps a directive target's words but not its
//! number. See rules/rules.toml.

use super::{Context, Findings};

pub const RULE: &str = "dropped-target";

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(ag) = &cx.against else { return };
    for pair in &ag.alignment.pairs {
        let dt = &ag.doc.tasks[pair.directive];
        let pt = &cx.doc.tasks[pair.plan];
        for &ti in &dt.targets {
            if ag.alignment.targets.iter().any(|tp| tp.directive == ti) {
                continue;
            }
            let target = &ag.doc.targets[ti];
            if target.status {
                continue;
            }
            let Some(metric) = &target.metric else {
                continue;
            };
            let subject = ag.src.slice(target.subject);
            // The words are kept when the plan task names the subject's measure.
            let core = crate::parse::lex::last_chars(subject, 6);
            let plan_text = cx.text(pt.text);
            if metric.chars().count() >= 2
                && plan_text.contains(core)
                && !pt
                    .targets
                    .iter()
                    .any(|&k| cx.doc.targets[k].unit == target.unit)
            {
                out.report(
                    RULE,
                    cx.headline(pt),
                    t!(
                        cx,
                        "message",
                        task = pt.number.trim(),
                        words = core,
                        target = ag.src.slice(target.span)
                    ),
                )
                .directive(target.span, dt.number.clone())
                .help(t!(cx, "help", target = ag.src.slice(target.span)));
            }
        }
    }
}
