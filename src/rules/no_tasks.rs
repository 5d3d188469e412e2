//! `no-tasks` (PL111): a plan in which planlint found no task. See rules/rules.toml.

use super::{Context, Findings};
use crate::source::Span;

pub const RULE: &str = "no-tasks";

/// Never a silent all-clear: when nothing was read as a task, say what was seen instead.
pub fn run(cx: &Context, out: &mut Findings) {
    if !cx.doc.tasks.is_empty() {
        return;
    }
    let c = cx.doc.census;
    let text = &cx.src.text;
    let first = text.find(['\n', '\r']).unwrap_or(text.len());
    out.report(
        RULE,
        Span::new(0, first),
        t!(
            cx,
            "message",
            paragraphs = c.paragraphs,
            headings = c.headings,
            tables = c.tables,
            rows = c.table_rows,
            brackets = c.bracket_groups,
            clauses = c.clauses
        ),
    )
    .help(t!(cx, "help"));
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_a_notice_without_tasks() {
        let notice = "关于召开全市食品安全工作会议的通知\n各区县人民政府：\n定于2023年5月10日召开全市食品安全工作会议，请准时参加。\n市人民政府办公室\n2023年5月4日\n";
        let f = findings_of(notice, super::RULE);
        assert_eq!(
            f,
            vec![(
                1,
                1,
                "no task found in this plan: read 5 paragraphs, 0 numbered headings, 0 tables (0 rows) and 0 bracket groups, 0 of them responsibility clauses".to_string()
            )]
        );
    }

    #[test]
    fn silent_when_a_task_is_read() {
        let plan = "一、工作任务\n（一）加强监管。开展专项检查。（市市场监管局负责）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }
}
