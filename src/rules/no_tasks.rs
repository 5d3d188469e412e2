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
    // A news item or a 解读 about a plan: say so, the reader has the wrong text.
    if let Some(mark) = cx.doc.facts.report_mark {
        out.report(
            RULE,
            Span::new(0, first),
            t!(cx, "report", mark = cx.text(mark)),
        )
        .related(mark, t!(cx, "related-report"))
        .help(t!(cx, "help-report"));
        return;
    }
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

    /// News items about measures, from unseen batches (s7f 011, 005): the finding says the text
    /// is a report, not the plan; one mark alone (a plan may cite 《通知》要求 once) is not enough.
    #[test]
    fn a_report_about_a_document_is_said_to_be_one() {
        let news = "优化调整的房地产政策通知\n三孩家庭购买120平方米新建商品住房，可得20万元房票。\n《通知》要求，自2024年1月1日起，对出售自有住房并在1年内购买新建商品住房的给予补贴。\n《通知》提出，优化住房公积金贷款政策。\n";
        assert_eq!(
            findings_of(news, super::RULE),
            vec![(
                1,
                1,
                "no task found: the text reads as a report about a document (《通知》要求 …), not the document itself".to_string()
            )]
        );
        let once = news.replace("《通知》提出，", "");
        assert!(findings_of(&once, super::RULE)[0]
            .2
            .starts_with("no task found in this plan: read 4 paragraphs"));
    }

    #[test]
    fn silent_when_a_task_is_read() {
        let plan = "一、工作任务\n（一）加强监管。开展专项检查。（市市场监管局负责）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }
}
