//! `inconsistent-target` (PL107): one measure promised with different values in one plan.
//! See rules/rules.toml.

use super::{Context, Findings};
use crate::data::Bound;
use crate::model::{Origin, Target};

pub const RULE: &str = "inconsistent-target";

/// Same measure: same metric word, same unit, same direction, and either near-identical
/// subjects, or the only target of that measure in the text and the only one in the table.
pub fn run(cx: &Context, out: &mut Findings) {
    let targets = &cx.doc.targets;
    let origin = |t: &Target| t.task.map_or(Origin::Body, |k| cx.doc.tasks[k].origin);
    let key = |t: &Target| -> Option<(String, String, bool)> {
        let metric = t.metric.clone()?;
        if metric.chars().count() < 2 || matches!(t.bound, Bound::Increase) || t.value_max.is_some()
        {
            return None;
        }
        let unit = cx.data.metrics.canonical_unit(&t.unit).to_string();
        Some((metric, unit, t.bound == Bound::AtMost))
    };
    let min_similarity = cx.param_f64(RULE, "min_subject_similarity", 0.6);
    for (i, a) in targets.iter().enumerate() {
        let Some(ka) = key(a) else { continue };
        for b in targets.iter().skip(i + 1) {
            if key(b).as_ref() != Some(&ka)
                || a.value == b.value
                || a.task.is_some_and(|k| cx.doc.tasks[k].condition)
                || b.task.is_some_and(|k| cx.doc.tasks[k].condition)
            {
                continue;
            }
            let similar = similarity(cx.text(a.subject), cx.text(b.subject)) >= min_similarity;
            let only_pair = origin(a) != origin(b)
                && targets
                    .iter()
                    .filter(|t| key(t).as_ref() == Some(&ka) && origin(t) == origin(a))
                    .count()
                    == 1
                && targets
                    .iter()
                    .filter(|t| key(t).as_ref() == Some(&ka) && origin(t) == origin(b))
                    .count()
                    == 1;
            if !(similar || only_pair) {
                continue;
            }
            out.report(
                RULE,
                b.span,
                format!(
                    "{} is promised as `{}` here but `{}` elsewhere in this plan",
                    ka.0,
                    cx.text(b.span),
                    cx.text(a.span)
                ),
            )
            .related(a.span, "the other value")
            .help("state one value for the measure, or name the two measures apart");
        }
    }
}

/// Dice similarity of character bigrams.
pub fn similarity(a: &str, b: &str) -> f64 {
    let bg = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (x, y) = (bg(a), bg(b));
    if x.is_empty() || y.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let mut y_left = y.clone();
    let mut shared = 0;
    for p in &x {
        if let Some(k) = y_left.iter().position(|q| q == p) {
            y_left.swap_remove(k);
            shared += 1;
        }
    }
    2.0 * shared as f64 / (x.len() + y.len()) as f64
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_same_measure_different_value() {
        let plan = "一、任务\n（一）抽检。食品抽检合格率达到98%以上。（县市场监管局负责）\n（二）监测。食品抽检合格率达到96%以上。（县市场监管局负责）\n";
        assert_eq!(findings_of(plan, super::RULE).len(), 1);
    }

    #[test]
    fn silent_on_different_measures_of_one_kind() {
        let plan = "一、任务\n（一）抽检。农产品质量安全监测总体合格率稳定在97%以上，食品抽检合格率稳定在98%以上。（县市场监管局负责）\n（二）考核。法规知识抽查考核合格率要达到90%以上。（县市场监管局负责）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }
}
