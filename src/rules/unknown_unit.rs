//! `unknown-unit` (PL113): a lead or partner that is not among the plan's own units. See
//! rules/rules.toml and rules/units.toml.
//!
//! Against a member list (领导小组成员) every unit the plan makes responsible must be a member,
//! under its full or short name; one that is not is reported, with the nearest member when one
//! is close. A duty table (事权清单) lists the units the plan knows but not all it may name, so
//! against it only a name close to a listed one (and itself no usual department) is reported,
//! as info. Catch-alls (各有关单位, 有关县（市、区）人民政府), places (温州市), coordination bodies
//! (食安委), the issuing government and its offices, courts and procuratorates, people's
//! organisations, associations and enterprises (省工商联, 团市委, 市城投集团), local offices of vertical systems and higher-level
//! bodies (level-mismatch's business) are never checked. A member list that misses more than
//! half of the names the plan checks (a group for one part of the work, or a list read wrong)
//! is held to only as a duty table is.

use super::{Context, Findings};
use crate::data::{RuleData, Severity};
use crate::model::{ListKind, Unit};
use crate::source::Span;
use crate::unit_names::{self as names, Level};
use std::collections::HashMap;

pub const RULE: &str = "unknown-unit";

pub fn run(cx: &Context, out: &mut Findings) {
    let lists = &cx.doc.member_lists;
    let strong = lists.iter().any(|l| l.kind == ListKind::Members);
    let used: Vec<_> = lists
        .iter()
        .filter(|l| !strong || l.kind == ListKind::Members)
        .collect();
    let Some(first) = used.first() else { return };
    let u = &cx.data.units;
    let members = names::NameList::new(
        used.iter()
            .flat_map(|l| l.units.iter().map(|x| x.name.as_str())),
        u,
    );
    let plan_level = cx.plan_level();
    // Each distinct name is judged once: a plan names its units many times.
    let mut checked: HashMap<&str, bool> = HashMap::new();
    let outside = |name: &str| -> bool {
        !exempt(name, cx.data)
            && !names::level_of(name, u).is_some_and(|l| above(l, plan_level))
            && !members.has(name, u)
    };
    let mut occurrences: Vec<(&str, Span)> = Vec::new();
    for (name, span) in cx.units().filter_map(|unit| checked_name(unit, cx.data)) {
        if *checked.entry(name).or_insert_with(|| outside(name)) {
            occurrences.push((name, span));
        }
    }
    // A member list that misses most of the units the plan names is the list of a group for
    // one part of the work, or was read wrong: it is then held to only as a duty table is.
    let outside_names = checked.values().filter(|&&v| v).count();
    let all_names = checked.keys().filter(|n| !exempt(n, cx.data)).count();
    let strong = strong && outside_names * 2 <= all_names;
    let mut near_of: HashMap<&str, Option<&str>> = HashMap::new();
    for &(name, span) in &occurrences {
        let near = *near_of.entry(name).or_insert_with(|| {
            members
                .nearest(name, u)
                .filter(|_| !names::is_department(name, u))
        });
        // A member the same cell or line names already is no slip for this one (区工务局 beside
        // 区水务局 in one list is another unit, not a misspelt 区水务局).
        let near = near.filter(|m| !cell_around(&cx.src.text, span).contains(m));
        let finding = if strong {
            out.report(RULE, span, t!(cx, "member", name = name))
        } else {
            let Some(m) = near else { continue };
            out.report_at(
                RULE,
                Severity::Info,
                span,
                t!(cx, "listed", name = name, near = m),
            )
        };
        finding.related(first.label, t!(cx, "related"));
        match near {
            Some(m) => finding.help(t!(cx, "help-near", near = m)),
            None => finding.help(t!(cx, "help")),
        };
    }
}

/// The table cell or line holding `span`: the text between the tabs or line ends around it.
fn cell_around(text: &str, span: Span) -> &str {
    let from = text[..span.start].rfind(['\t', '\n']).map_or(0, |i| i + 1);
    let to = text[span.end..]
        .find(['\t', '\n'])
        .map_or(text.len(), |i| span.end + i);
    &text[from..to]
}

/// A unit above the plan's level: a mention or a level slip, not a member that is missing.
fn above(level: Level, plan: Option<Level>) -> bool {
    plan.is_some_and(|p| level < p)
}

/// The name to check and its span: `X各成员单位` is checked as X; a catch-all is not checked.
fn checked_name<'u>(unit: &'u Unit, data: &RuleData) -> Option<(&'u str, Span)> {
    let name = unit.name.as_str();
    let lex = &data.lexicon.units;
    // A group of bodies (各成员单位, 各县（市、区）): rules/lexicon.toml `group_prefixes`.
    if lex
        .group_prefixes
        .iter()
        .any(|p| name.starts_with(p.as_str()))
    {
        return None;
    }
    let tail = lex
        .vague_suffixes
        .iter()
        .filter(|v| name.ends_with(v.as_str()))
        .max_by_key(|v| v.len());
    let head = match tail {
        Some(t) => name[..name.len() - t.len()]
            .trim_end_matches(|c| lex.is_joiner(c) || lex.vague_ending.starts_with(c)),
        None => name.strip_suffix(lex.vague_ending.as_str()).unwrap_or(name),
    };
    (head.chars().count() >= 2).then(|| {
        (
            head,
            Span::new(unit.span.start, unit.span.start + head.len()),
        )
    })
}

/// Coordination bodies, the issuing government and its offices, courts and the like, and local
/// offices of vertical systems: named without being members.
fn exempt(name: &str, data: &RuleData) -> bool {
    let u = &data.units;
    let m = &u.members;
    let core = names::core(name, u);
    m.exempt.iter().any(|w| name.contains(w.as_str()))
        || m.own_bodies.contains(&core)
        || m.independent.iter().any(|w| core.ends_with(w.as_str()))
        || names::is_vertical_or_branch(name, u, &[])
        || m.catch_all_starts
            .iter()
            .any(|w| name.starts_with(w.as_str()))
        || is_place(name, data)
}

/// 温州市, 各县（市、区）, 有关县（市、区）人民政府: places and groups of places' governments.
fn is_place(name: &str, data: &RuleData) -> bool {
    let m = &data.units.members;
    let bare = name
        .strip_suffix("人民政府")
        .or_else(|| name.strip_suffix("政府"))
        .unwrap_or(name);
    name.contains(['（', '(']) && bare != name
        || m.place_endings
            .iter()
            .any(|e| name.ends_with(e.as_str()) && name.chars().count() <= 8)
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    const MEMBERS: &str = "成 员：张云玺 区财政局局长\n胡政武 区住建局局长\n白 瑞 区水务局局长\n甄玉海 区文体局局长\n蔺瑞亮 区卫健委主任\n朱国强 区生态环境分局局长\n\n";

    #[test]
    fn units_above_the_plans_level_are_not_missing_members() {
        // A district plan naming the city's and the region's bodies: mentions or level slips
        // (level-mismatch), not members the list lacks.
        let plan = format!("{MEMBERS}一、任务\n（一）整治。开展整治。（区财政局负责，市财政局、自治区财政厅配合）\n（二）治理。推进治理。（区住建局负责）\n（三）监测。开展监测。（区水务局负责）\n");
        assert_eq!(findings_of(&plan, super::RULE), vec![]);
    }

    #[test]
    fn places_catch_alls_associations_and_enterprises_are_never_missing_members() {
        let plan = format!("{MEMBERS}一、任务\n（一）整治。开展整治。（区财政局负责，温州市、有关县（市、区）人民政府、省工商联、团市委、市城投集团、杭州银行配合）\n（二）治理。推进治理。（区住建局负责，区残联、区文物局配合）\n（三）监测。开展监测。（区水务局负责）\n");
        let f = findings_of(&plan, super::RULE);
        // Only the department the leading group lacks.
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].2.starts_with("区文物局"), "{f:?}");
    }

    #[test]
    fn fires_on_units_outside_the_member_list() {
        let plan = format!("{MEMBERS}一、任务\n（一）整治。开展整治。（区文物局、区水务局负责）\n（二）治理。推进治理。（区退役军人事务局负责，区卫生健康委员会配合）\n（三）监测。开展监测。（区生态环境局、区工务局负责）\n（四）保障。加强保障。（区财政局、区住建局负责）\n");
        let f = findings_of(&plan, super::RULE);
        let got: Vec<(usize, usize, &str)> =
            f.iter().map(|(l, c, m)| (*l, *c, m.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (
                    9,
                    13,
                    "区文物局 is not among the members of the plan's leading group"
                ),
                (
                    10,
                    13,
                    "区退役军人事务局 is not among the members of the plan's leading group"
                ),
                (
                    11,
                    13,
                    "区生态环境局 is not among the members of the plan's leading group"
                ),
                (
                    11,
                    20,
                    "区工务局 is not among the members of the plan's leading group"
                ),
            ]
        );
    }

    #[test]
    fn quiet_on_members_short_names_catch_alls_and_coordination_bodies() {
        let plan = format!("{MEMBERS}一、任务\n（一）整治。开展整治。（区卫生健康委员会、区住建局负责，各有关单位配合）\n（二）统筹。统筹推进。（区食品药品安全委员会办公室牵头，各成员单位配合）\n（三）督办。加强督办。（区政府办公室、区人民法院负责）\n（四）口岸。加强口岸监管。（包头海关负责）\n");
        assert_eq!(findings_of(&plan, super::RULE), vec![]);
    }

    #[test]
    fn the_head_of_a_member_catch_all_is_checked() {
        let plan = format!("{MEMBERS}一、任务\n（一）建设。加强建设。（区食品药品监督管理局各成员单位负责）\n（二）保障。加强保障。（区财政局负责）\n");
        let f = findings_of(&plan, super::RULE);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].2,
            "区食品药品监督管理局 is not among the members of the plan's leading group"
        );
    }

    #[test]
    fn against_a_duty_table_only_near_names_are_reported() {
        let plan = "一、任务\n（一）宣传。加强宣传。（文广局、水务局、县委组织部负责）\n附件\n事权清单\n序号\t部门名称\t事权清单\n1\t文旅局\t负责宣传。\n2\t商务局\t负责流通。\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(
                2,
                13,
                "文广局 is not in the plan's list of units, which has 文旅局".to_string()
            )]
        );
    }

    #[test]
    fn a_list_missing_most_units_is_held_to_as_a_duty_table() {
        let plan = format!("{MEMBERS}一、任务\n（一）整治。开展整治。（区文物局、区发改委、区教育局、区财政局负责）\n");
        let f = findings_of(&plan, super::RULE);
        assert_eq!(
            f,
            vec![(
                9,
                13,
                "区文物局 is not in the plan's list of units, which has 区文体局".to_string()
            )]
        );
    }

    #[test]
    fn without_a_list_nothing_is_checked() {
        let plan = "一、任务\n（一）整治。开展整治。（区工务局负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }

    /// The nearest member is suggested for a name it may be a slip of, unless the same cell or
    /// line names that member already (区工务局 beside 区水务局 is another unit).
    #[test]
    fn no_member_the_same_line_names_is_suggested() {
        let advice = |clause: &str| {
            let plan = format!("{MEMBERS}一、任务\n（一）监测。开展监测。（{clause}负责）\n（二）保障。加强保障。（区财政局、区住建局负责）\n");
            crate::testing::advice_of(&plan, super::RULE)
                .into_iter()
                .map(|(line, _, help)| (line, help))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            advice("区生态环境局、区工务局"),
            vec![
                (
                    9,
                    Some("name a member unit, or add this unit to the member list".into())
                ),
                (9, Some("did you mean 区水务局?".into())),
            ]
        );
        assert_eq!(
            advice("区生态环境局、区工务局、区水务局"),
            vec![
                (
                    9,
                    Some("name a member unit, or add this unit to the member list".into())
                ),
                (
                    9,
                    Some("name a member unit, or add this unit to the member list".into())
                ),
            ]
        );
    }
}
