//! `unread-clause` (PL112): a piece of a responsibility clause planlint could not read. See
//! rules/rules.toml.

use super::{Context, Findings};

pub const RULE: &str = "unread-clause";

/// The rest of the clause was read (its units and roles count); this piece was not, so what
/// it says about the task is not checked. Only a piece that may name owners is reported: it
/// holds a role word or label (参与, 配合单位) or a unit's name (县卫健局列席), so a lead or
/// partner may be lost. A requirement beside the owners (按季度报送进展情况) names nobody: it is not the
/// clause's business, and reporting it is noise.
pub fn run(cx: &Context, out: &mut Findings) {
    let lex = &cx.data.lexicon;
    let may_name_owners = |t: &str| {
        lex.clause.any_word.as_ref().is_some_and(|ac| ac.is_match(t))
            || crate::parse::units::looks_like_unit_list(t, lex)
            // A unit before a role word the lexicon lacks (县卫健局列席).
            || lex.units.glue_suffixes.iter().any(|s| {
                t.match_indices(s.as_str())
                    .any(|(i, _)| t[..i].chars().count() >= 2)
            })
    };
    for &span in &cx.doc.unread_clauses {
        let text = cx.text(span);
        // A label written wrong (贵任单位): its list was read as under the label meant.
        if let Some(meant) = crate::parse::clause::any_label_meant(text, lex) {
            out.report(RULE, span, t!(cx, "misspelt", text = text, meant = meant))
                .help(t!(cx, "help-misspelt", meant = meant));
            continue;
        }
        if !may_name_owners(text) {
            continue;
        }
        out.report(RULE, span, t!(cx, "message", text = text))
            .help(t!(cx, "help"));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn a_misspelt_label_is_told_and_its_units_read() {
        // The held city measures rg05 (张家界, 2026-12-07): every clause's label typed 贵任单位.
        // Its units are read (no missing-lead), and the typo is told where it stands.
        let plan = "一、工作任务\n（一）优化公积金贷款。支持组合贷款。(贵任单位:市住房公积金管理中心,各区县人民政府)\n（二）完善支持政策。加大宣传。(贵任单位:市住房城乡建设局、永定区人民政府)\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![
                (
                    2,
                    20,
                    "`贵任单位` is no label; the units after it were read as under `责任单位`"
                        .to_string()
                ),
                (
                    3,
                    17,
                    "`贵任单位` is no label; the units after it were read as under `责任单位`"
                        .to_string()
                )
            ]
        );
        assert_eq!(findings_of(plan, "missing-lead"), vec![]);
        let doc = crate::testing::parse(plan);
        let leads: Vec<&str> = doc.tasks[1].leads.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(leads, ["市住房城乡建设局", "永定区人民政府"]);
        // A word two characters away from every label is no misspelt label.
        assert_eq!(
            crate::parse::clause::label_meant("贵任务", &["责任单位"]),
            None
        );
    }

    #[test]
    fn fires_on_an_unknown_segment() {
        let plan = "一、工作任务\n（一）加强监管。开展专项检查。（县市场监管局负责，县城投公司协同推进）\n（二）加强检查。开展专项检查。（县市场监管局负责，县财政局）\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![
                (
                    2,
                    26,
                    "this part of a responsibility clause was not read: `县城投公司协同推进`"
                        .to_string()
                ),
                (
                    3,
                    26,
                    "this part of a responsibility clause was not read: `县财政局`".to_string()
                )
            ]
        );
        // A requirement beside the owners names nobody: no finding.
        let plan = "一、工作任务\n（一）加强监管。开展专项检查。（县市场监管局负责，按季度报送进展情况）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }

    #[test]
    fn silent_on_clauses_read_whole() {
        let plan = "一、工作任务\n（一）加强监管。开展专项检查。（6月底完成，牵头考核单位：市政府办公室、市公安局）\n（二）强化宣传。（市委宣传部牵头，市文旅局配合；2024年底前完成）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }
}
