//! `weakened-target` (PL202): a plan target weaker than the directive's on the same measure.
//! See rules/rules.toml.

use super::{Context, Findings};
use crate::data::Bound;
use crate::model::Target;

pub const RULE: &str = "weakened-target";

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(ag) = &cx.against else { return };
    for pair in &ag.alignment.targets {
        let d = &ag.doc.targets[pair.directive];
        let p = &cx.doc.targets[pair.plan];
        if let Some(why) = weaker(cx, p, d) {
            out.report(
                RULE,
                p.span,
                t!(
                    cx,
                    "message",
                    plan = cx.text(p.span),
                    directive = ag.src.slice(d.span),
                    why = why
                ),
            )
            .directive(d.span, directive_task_label(ag, d))
            .help(t!(cx, "help", directive = ag.src.slice(d.span)));
        }
    }
}

fn directive_task_label(ag: &super::Against, d: &Target) -> String {
    d.task
        .map(|k| ag.doc.tasks[k].number.clone())
        .unwrap_or_else(|| "(target outside tasks)".to_string())
}

/// Why `p` promises less than `d`, if it does.
fn weaker(cx: &Context, p: &Target, d: &Target) -> Option<String> {
    let lower_better = cx.data.metrics.lower_is_stricter(&d.unit) || d.bound == Bound::AtMost;
    let firm = |b: Bound| matches!(b, Bound::AtLeast | Bound::AtMost | Bound::Exactly);
    if lower_better && p.value > d.value {
        return Some(t!(cx, "more", a = num(p.value), b = num(d.value)));
    }
    if !lower_better && p.value < d.value && d.bound != Bound::About {
        return Some(t!(cx, "less", a = num(p.value), b = num(d.value)));
    }
    if p.value == d.value && firm(d.bound) && p.bound == Bound::About {
        return Some(t!(cx, "about"));
    }
    None
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod weaker_tests {
    use crate::testing::findings_against;

    const DIRECTIVE: &str = "一、任务\n（一）压缩审批时限。食品经营许可审批时限压缩到12天以内，抽检合格率达到98%以上。（市市场监管局负责）\n";

    #[test]
    fn a_longer_time_limit_and_a_lower_rate_are_weaker() {
        let plan = "一、任务\n（一）压缩审批时限。食品经营许可审批时限压缩到15天以内，抽检合格率达到96%以上。（县市场监管局负责）\n";
        let f = findings_against(plan, DIRECTIVE, super::RULE);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].0, f[1].0), (2, 2));
    }

    #[test]
    fn the_same_or_stricter_is_not_weaker() {
        let plan = "一、任务\n（一）压缩审批时限。食品经营许可审批时限压缩到12天以内，抽检合格率达到98%以上。（县市场监管局负责）\n";
        assert_eq!(findings_against(plan, DIRECTIVE, super::RULE), vec![]);
        let plan = "一、任务\n（一）压缩审批时限。食品经营许可审批时限压缩到10天以内，抽检合格率达到99%以上。（县市场监管局负责）\n";
        assert_eq!(findings_against(plan, DIRECTIVE, super::RULE), vec![]);
    }
}
