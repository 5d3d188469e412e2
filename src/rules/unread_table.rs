//! `unread-table` (PL123): a task table none of whose rows was read as a task. See
//! rules/rules.toml.

use super::{Context, Findings};

pub const RULE: &str = "unread-table";

/// Never a silently skipped table: a table whose header names a task column (重点任务, 工作事项)
/// promises tasks; when rows stand below it and none became a task, the table was not read,
/// and the plan's other findings say nothing about it. (An indicator table with a 责任单位
/// column promises targets, not tasks: its rows are read as targets.)
///
/// Nor a table whose cells close on responsibility clauses (two at least) while its columns
/// were not read as tasks (no header naming them: `序号 | 内容`): owners are written there, and
/// the tasks they own were never seen. Reported at the first clause.
pub fn run(cx: &Context, out: &mut Findings) {
    for (k, table) in cx.doc.tables.iter().enumerate() {
        if table.rows == 0 || table.tasks > 0 {
            continue;
        }
        let number = k + 1;
        match (table.header, table.first_clause) {
            (Some(header), _) if table.task_column => {
                out.report(
                    RULE,
                    header,
                    t!(cx, "message", table = number, rows = table.rows),
                )
                .help(t!(cx, "help"));
            }
            (_, Some(first)) if table.clauses >= 2 => {
                out.report(
                    RULE,
                    first,
                    t!(
                        cx,
                        "message-clauses",
                        table = number,
                        clauses = table.clauses
                    ),
                )
                .help(t!(cx, "help-clauses"));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn a_task_table_whose_rows_give_no_task_is_said_at_its_header() {
        // The task cells are empty: the rows name units and dates only.
        let plan = "某县实施方案\n一、重点任务\n（一）完善设施。加快建设。（县住建局负责）\n附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t完成时限\n1\t\t县住建局\t2024年底\n2\t\t县财政局\t2024年底\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (6, 1));
        assert!(
            f[0].2.contains("table 1") && f[0].2.contains("2 rows"),
            "{f:?}"
        );
        // Read rows, or a header with nothing below it, are no such case.
        let read = plan.replace("1\t\t县住建局", "1\t完善设施\t县住建局");
        assert_eq!(findings_of(&read, super::RULE), vec![]);
        let empty = "某县实施方案\n一、重点任务\n（一）完善设施。加快建设。（县住建局负责）\n附件\n序号\t重点任务\t牵头单位\t完成时限\n";
        assert_eq!(findings_of(empty, super::RULE), vec![]);
        // An indicator table with a 责任单位 column is read for its targets.
        let indicators = "某县实施方案\n一、目标\n（一）完善设施。加快建设。（县住建局负责）\n附件\n主要指标表\n序号\t指标名称\t目标值\t责任单位\n1\t垃圾回收利用率\t35%\t县住建局\n2\t分类覆盖率\t90%\t县城管局\n";
        assert_eq!(findings_of(indicators, super::RULE), vec![]);
    }
}
