//! `malformed-unit-name` (PL114): a unit name no unit has. See rules/rules.toml and
//! rules/units.toml.
//!
//! Three shapes: a body's head written after another body's suffix (自治区旅游发展委员会局);
//! a name that is another unit of the same plan with one character inserted (自治区农教育厅
//! beside 自治区教育厅); two names written with no separator between them
//! (市场监管局农业农村局, which the parser reads as two units).

use super::{Context, Findings};
use crate::data::RuleData;
use crate::model::Unit;
use crate::unit_names::{level_of, Level};
use std::collections::BTreeMap;

pub const RULE: &str = "malformed-unit-name";

pub fn run(cx: &Context, out: &mut Findings) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for u in cx.units() {
        *counts.entry(u.name.as_str()).or_default() += 1;
    }
    // Each distinct name is read once: a plan names its units many times.
    let inserted_of: BTreeMap<&str, Option<(&str, char)>> = counts
        .keys()
        .map(|&n| (n, with_inserted(n, &counts, cx.data)))
        .collect();
    for u in cx.units() {
        if let Some((suffix, head)) = doubled_suffix(&u.name, cx.data) {
            out.report(
                RULE,
                u.span,
                t!(cx, "doubled", name = u.name, head = head, suffix = suffix),
            )
            .help(t!(cx, "help-doubled", head = head, suffix = suffix));
        } else if let Some((other, inserted)) = inserted_of[u.name.as_str()]
            // A national body beside the plan's own (总局 beside 局) is level-mismatch's.
            .filter(|_| level_of(&u.name, &cx.data.units) != Some(Level::National))
        {
            out.report(
                RULE,
                u.span,
                t!(
                    cx,
                    "inserted",
                    name = u.name,
                    other = other,
                    char = inserted
                ),
            )
            .help(t!(cx, "help-inserted", other = other));
        }
    }
    for pair in glued_pairs(cx) {
        let (a, b) = pair;
        out.report(
            RULE,
            a.span.cover(b.span),
            t!(cx, "glued", a = a.name, b = b.name),
        )
        .help(t!(cx, "help-glued", a = a.name, b = b.name));
    }
}

/// `…委员会局`: the name ends with a head (局) right after a body suffix (委员会), and the two
/// characters where they meet are not a word (部委), nor is the suffix the end of a word
/// (老干部局).
fn doubled_suffix<'d>(name: &str, data: &'d RuleData) -> Option<(&'d str, &'d str)> {
    let n = &data.units.names;
    let head = n.heads.iter().find(|h| name.ends_with(h.as_str()))?;
    let before = &name[..name.len() - head.len()];
    let suffix = n
        .body_suffixes
        .iter()
        .filter(|s| before.ends_with(s.as_str()) && before.len() > s.len())
        .max_by_key(|s| s.len())?;
    let last = suffix.chars().next_back()?;
    let first = head.chars().next()?;
    // 老干部局: the 部 ends the word 干部, it is no body's suffix.
    let ends_a_word = suffix.chars().count() == 1
        && before[..before.len() - suffix.len()]
            .chars()
            .next_back()
            .is_some_and(|p| data.words.contains(p, last));
    (!ends_a_word && !data.words.contains(last, first)).then_some((suffix.as_str(), head.as_str()))
}

/// Another unit of the plan that this name is with one character inserted inside it, and the
/// character; the other name must be named at least as often. Connectives (和), a branch
/// (分局) and a party committee after the level prefix (县委宣传部 beside 县宣传部) are written
/// either way and are left alone.
fn with_inserted<'c>(
    name: &str,
    counts: &BTreeMap<&'c str, usize>,
    data: &RuleData,
) -> Option<(&'c str, char)> {
    // A name of more than 64 characters is no unit's: its one-character variants are not
    // looked for (each would be a copy of it, quadratic in its length).
    let chars: Vec<(usize, char)> = name.char_indices().take(65).collect();
    if chars.len() < 5 || chars.len() > 64 {
        return None;
    }
    let mine = counts.get(name).copied().unwrap_or(0);
    let lex = &data.lexicon.units;
    for &(i, c) in &chars[1..chars.len() - 1] {
        // A list's joiner (和, 与, 及: rules/lexicon.toml `list_joiners`) or separator.
        if c == '、' || lex.is_joiner(c) {
            continue;
        }
        let rest = &name[i + c.len_utf8()..];
        if lex
            .branch_suffixes
            .iter()
            .any(|b| rest.len() + c.len_utf8() == b.len() && b.starts_with(c))
        {
            continue;
        }
        let upto = &name[..i + c.len_utf8()];
        if lex.parent_bodies.iter().any(|p| p == upto) {
            continue;
        }
        let shorter = format!("{}{}", &name[..i], rest);
        if let Some((&other, &n)) = counts.get_key_value(shorter.as_str()) {
            if n >= mine {
                return Some((other, c));
            }
        }
    }
    None
}

/// Units of one list that touch: nothing between the end of one and the start of the next,
/// where the second is a department by its name (rules/units.toml `[names] departments`):
/// `市场监管局农业农村局` is two units, but `市市场监管局福田局` is a bureau and its district
/// office named by place (福田监管局), which no list of departments holds.
fn glued_pairs<'a>(cx: &'a Context) -> Vec<(&'a Unit, &'a Unit)> {
    let mut out = Vec::new();
    let lists = cx
        .doc
        .tasks
        .iter()
        .filter(|t| !t.owners_in_text)
        .flat_map(|t| [&t.leads, &t.partners])
        .chain([&cx.doc.stray_units]);
    for list in lists {
        for w in list.windows(2) {
            if w[0].span.end == w[1].span.start
                && !w[0].span.is_empty()
                && names_a_department(&w[1].name, cx.data)
            {
                out.push((&w[0], &w[1]));
            }
        }
    }
    out.sort_by_key(|(a, _)| a.span.start);
    out.dedup_by_key(|(a, _)| a.span.start);
    out
}

/// The name ends with a listed department (区统计局 ends with 统计局).
fn names_a_department(name: &str, data: &RuleData) -> bool {
    data.units
        .names
        .departments
        .iter()
        .any(|d| name.ends_with(d.as_str()))
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_a_doubled_suffix_an_inserted_character_and_glued_names() {
        let plan = "一、任务\n（一）旅游。加强监管。（自治区旅游发展委员会局负责）\n（二）学校。加强教育。（自治区教育厅负责）\n（三）宣传。加强宣传。（自治区农教育厅、自治区教育厅负责）\n附件\n序号\t重点任务\t牵头单位\t配合单位\n1\t加强检测。\t县市场监管局\t市场监管局农业农村局\n";
        let f = findings_of(plan, super::RULE);
        let got: Vec<(usize, usize, &str)> =
            f.iter().map(|(l, c, m)| (*l, *c, m.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (2, 13, "自治区旅游发展委员会局 ends with 局 after 委员会: one body's name followed by another's head"),
                (4, 13, "自治区农教育厅 is 自治区教育厅, named elsewhere in the plan, with 农 inserted"),
                (7, 16, "市场监管局农业农村局 reads as two units with no separator between them"),
            ]
        );
    }

    #[test]
    fn a_suffix_ending_a_word_is_no_body_suffix() {
        // From a Hubei provincial plan: 省委老干部局 is the Party committee's bureau of veteran
        // cadres (干部 is a word); 自治区旅游发展委员会局 stays malformed.
        let plan = "一、任务\n（一）养老。提升服务。（省民政厅、省卫健委、省委老干部局负责）\n（二）旅游。加强监管。（自治区旅游发展委员会局负责）\n";
        let got: Vec<usize> = findings_of(plan, super::RULE).iter().map(|f| f.0).collect();
        assert_eq!(got, vec![3]);
    }

    #[test]
    fn a_bureau_and_its_district_office_named_by_place_are_one_unit() {
        // From a Futian district plan: 市市场监管局福田局 is the city bureau's Futian office; a
        // listed department glued to a bureau is still two units.
        let plan = "一、任务\n（十八）持续提升消费服务质量水平。开展放心消费行动。(责任单位:市市场监管局福田局)\n（十九）完善促进消费长效机制。建立健全监督约谈机制。(责任单位:市市场监管局福田局、区发展改革局、区统计局)\n（二十）加强统计。(责任单位:市市场监管局区统计局)\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(
                4,
                16,
                "市市场监管局区统计局 reads as two units with no separator between them"
                    .to_string()
            )]
        );
    }

    #[test]
    fn a_five_character_name_with_one_inserted_and_a_branch() {
        // The shortest name checked: four characters and one inserted.
        let plan = "一、任务\n（一）财政。加强保障。（区财政局负责）\n（二）资金。加强监管。（区财农政局、区财政局负责）\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(
                3,
                13,
                "区财农政局 is 区财政局, named elsewhere in the plan, with 农 inserted".to_string()
            )]
        );
        // A branch (分局) of a unit the plan names is no slip.
        let plan = "一、任务\n（一）监管。加强监管。（区市场监管局负责）\n（二）检查。加强检查。（区市场监管分局、区市场监管局负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }

    #[test]
    fn quiet_on_real_names() {
        let plan = "一、任务\n（一）统筹。加强统筹。（县委宣传部、县宣传部、国务院各部委、区公安分局、区公安局负责）\n（二）协调。加强协调。（县委政法委、市纪委监委、市生态环境局平罗分局、县委办公室负责）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }
}
