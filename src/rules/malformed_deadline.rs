//! `malformed-deadline` (PL109): a deadline that cannot be read as a date. See rules/rules.toml.

use super::{Context, Findings};
use crate::model::Deadline;

pub const RULE: &str = "malformed-deadline";

pub fn run(cx: &Context, out: &mut Findings) {
    for t in &cx.doc.tasks {
        let Some(d) = &t.deadline else { continue };
        if d.inherited_from.is_some() || !is_malformed(cx, d) {
            continue;
        }
        let stray = d
            .leftover
            .map(|l| cx.text(l).to_string())
            .unwrap_or_default();
        let message = if stray.is_empty() {
            t!(cx, "message", task = cx.task(&t.number), text = d.text)
        } else {
            t!(cx, "stray", task = cx.task(&t.number), stray = stray)
        };
        // The example is dated from the plan itself.
        let example = match cx.doc.facts.year {
            Some((y, _)) => format!("{y}年10月底完成并长期坚持"),
            None => "10月底完成并长期坚持".to_string(),
        };
        out.report(RULE, d.leftover.unwrap_or(d.span), message)
            .help(t!(cx, "help", example = example));
    }
}

/// The deadline says nothing readable, or its only unread text is a stray date word (`底`,
/// `初`, `前`…, rules/lexicon.toml `stray_date_words`) that lost its date.
fn is_malformed(cx: &Context, d: &Deadline) -> bool {
    if d.when.is_empty() {
        return !d.text.trim().is_empty();
    }
    d.leftover.is_some_and(|l| {
        let t = cx.text(l);
        cx.data
            .lexicon
            .deadline
            .stray_date_words
            .iter()
            .any(|w| w == t)
            || is_rejected_number(t)
    })
}

/// A number the date reader could not take (2204年, 13月, 45日): only digits, perhaps with its
/// date word, left over.
fn is_rejected_number(t: &str) -> bool {
    let digits = t.trim_end_matches(['年', '月', '日', '号']);
    !digits.is_empty() && digits.chars().all(crate::lex::is_digit)
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    const HEAD: &str =
        "附件1\n任务清单\n\t项目\n\t内容\n\t主要任务\n\t牵头单位\n\t配合单位\n\t完成时限\n\n";

    #[test]
    fn fires_on_a_stray_date_word() {
        let plan = format!("一、任务\n（一）x。（县公安局负责）\n{HEAD}\t一、共治\n\t（一）投诉\n\t1.建立平台。\n\t公安局\n\t\n\t2020年10月完成并长期坚持底\n");
        let f = findings_of(&plan, super::RULE);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, 17);
    }

    #[test]
    fn fires_on_impossible_dates() {
        let plan = "一、任务\n（一）加强监管。开展检查。（县市场监管局负责，2204年底前完成）\n（二）加强检查。开展检查。（县公安局负责，2024年13月底前完成）\n（三）加强宣传。开展宣传。（县委宣传部负责，2024年3月45日前完成）\n（四）加强培训。开展培训。（县人社局负责，2024年3月15日前完成）\n";
        let f = findings_of(plan, super::RULE);
        let at: Vec<(usize, usize)> = f.iter().map(|x| (x.0, x.1)).collect();
        assert_eq!(at, [(2, 24), (3, 27), (4, 30)], "{f:?}");
        assert!(f[2].2.contains("`45日`"), "{f:?}");
    }

    /// The same slips in a task's sentences, outside any clause: shown, not read as no deadline
    /// or as the date before them.
    #[test]
    fn fires_on_impossible_dates_in_running_text() {
        let plan = "某省实施方案\n1.建设数据中心。2024年13月底前完成。（省发展改革委牵头）\n2.建设政务平台。2204年完成。（省大数据局牵头）\n3.建设网络。2024年3月15日前完成。（省通信管理局牵头）\n";
        let f = findings_of(plan, super::RULE);
        let at: Vec<(usize, usize)> = f.iter().map(|x| (x.0, x.1)).collect();
        assert_eq!(at, [(2, 15), (3, 10)], "{f:?}");
        assert!(f[0].2.contains("`13月`"), "{f:?}");
    }

    #[test]
    fn silent_on_readable_deadlines() {
        let plan = format!("一、任务\n（一）x。（县公安局负责）\n{HEAD}\t一、共治\n\t（一）投诉\n\t1.建立平台。\n\t公安局\n\t\n\t2020年7月底前出台相关方案\n");
        assert!(findings_of(&plan, super::RULE).is_empty());
    }
}
