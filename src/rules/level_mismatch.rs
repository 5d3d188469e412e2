//! `level-mismatch` (PL115): a body of a higher level made responsible in a lower-level plan.
//! See rules/rules.toml and rules/units.toml.
//!
//! A national body (食品药品监管总局, 农业农村部) named as a lead or partner in a provincial,
//! city or county plan, or a provincial department (自治区…厅, 省…) in a county plan. The plan's
//! level is the one its tasks' first leads state (see [`crate::unit_names::plan_level`]); a plan
//! whose level cannot be told is not checked. Local offices of vertical systems (海关, 人民银行
//! …支行) and branches serve the level they sit in. Mentions in running text (按照国家…要求,
//! 配合自治区…) are not leads and are never read here.

use super::{Context, Findings};
use crate::unit_names::{self as names, Level};

pub const RULE: &str = "level-mismatch";

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(plan) = cx.plan_level() else {
        return;
    };
    let u = &cx.data.units;
    let branches = &cx.data.lexicon.units.branch_suffixes;
    let mut own: Vec<&str> = cx.units().map(|x| x.name.as_str()).collect();
    own.sort_unstable();
    own.dedup();
    for unit in cx.units() {
        if names::is_vertical_or_branch(&unit.name, u, branches) {
            continue;
        }
        let Some(level) = names::level_of(&unit.name, u) else {
            continue;
        };
        let slip = match level {
            Level::National => plan > Level::National,
            Level::Provincial => plan >= Level::County,
            _ => false,
        };
        if !slip {
            continue;
        }
        let others: Vec<&str> = own
            .iter()
            .copied()
            .filter(|o| names::level_of(o, u).is_none_or(|l| l >= plan))
            .collect();
        let label = |l: Level| cx.msg(RULE, level_key(l), &[]);
        let f = out.report(
            RULE,
            unit.span,
            t!(
                cx,
                "message",
                name = unit.name,
                level = label(level),
                plan = label(plan)
            ),
        );
        match names::nearest(&unit.name, &others, u) {
            Some(m) => f.help(t!(cx, "help-near", near = m)),
            None => f.help(t!(cx, "help")),
        };
    }
}

/// The message naming a level.
fn level_key(l: Level) -> &'static str {
    match l {
        Level::National => "national",
        Level::Provincial => "provincial",
        Level::City => "city",
        Level::County => "county",
        Level::Township => "township",
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_a_national_body_in_a_provincial_plan() {
        let plan = "一、任务\n（一）监管。加强监管。（自治区农牧业厅负责）\n（二）检查。开展检查。（自治区发展改革委、食品药品监管总局、食品药品监管局负责）\n（三）抽检。开展抽检。（自治区食品药品监管局负责）\n（四）宣传。加强宣传。（自治区教育厅负责）\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(
                3,
                22,
                "食品药品监管总局 is a national body, made responsible in a provincial plan"
                    .to_string()
            )]
        );
    }

    #[test]
    fn fires_on_a_provincial_department_in_a_county_plan_only() {
        let county = "一、任务\n（一）监管。加强监管。（县市场监管局负责）\n（二）检查。开展检查。（县农业农村局、自治区农业农村厅负责）\n（三）抽检。开展抽检。（县卫生健康局负责）\n";
        let f = findings_of(county, super::RULE);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].2,
            "自治区农业农村厅 is a provincial body, made responsible in a county plan"
        );
        let city = county.replace('县', "市");
        assert_eq!(findings_of(&city, super::RULE), vec![]);
    }

    #[test]
    fn quiet_on_vertical_offices_branches_and_unknown_levels() {
        let plan = "一、任务\n（一）口岸。加强监管。（市市场监管局、鄂尔多斯海关负责）\n（二）金融。加强支持。（市财政局、人民银行鄂尔多斯中心支行负责）\n（三）抽检。开展抽检。（市卫生健康委负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        // An office named after its head office (from a Hubei provincial plan).
        let office = "一、任务\n（一）金融。加强支持。（省地方金融管理局、国家金融监管总局湖北监管局、人行湖北省分行按职责分工负责）\n（二）养老。加强服务。（省民政厅负责）\n";
        assert_eq!(findings_of(office, super::RULE), vec![]);
        // A national body's local office named by place (from a Guizhou provincial plan).
        let office = "一、任务\n（一）安全。加强监察。（省应急厅、国家矿山安全监察局贵州局按职责分工负责）\n（二）养老。加强服务。（省民政厅负责）\n";
        assert_eq!(findings_of(office, super::RULE), vec![]);
        let doc = crate::testing::parse(office);
        let leads: Vec<&str> = doc.tasks[0].leads.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(leads, vec!["省应急厅", "国家矿山安全监察局贵州局"]);
        // The grid's local company (from the Jiujiang housing measures and a Changsha plan).
        let grid = "一、任务\n（一）配套。加快水电气接入。（市住建局、国家电网九江分公司按职责分工负责）\n（二）抽检。开展抽检。（市卫生健康委负责）\n";
        assert_eq!(findings_of(grid, super::RULE), vec![]);
        let unknown = "一、任务\n（一）检查。开展检查。（农业农村部负责）\n";
        assert_eq!(findings_of(unknown, super::RULE), vec![]);
    }
}
