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
        if !may_name_owners(cx.text(span)) {
            continue;
        }
        out.report(RULE, span, t!(cx, "message", text = cx.text(span)))
            .help(t!(cx, "help"));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

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
