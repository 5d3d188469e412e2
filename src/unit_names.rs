//! What a unit's name says: its level (国家…, 自治区…, 市…, 县…), its core without the level
//! prefix, the kind of body its suffix names, and whether two names are one unit. The words
//! are data (rules/units.toml); the rules unknown-unit, malformed-unit-name and level-mismatch
//! read names through here.

use crate::data::{RuleData, Units};
use crate::model::Document;
use std::collections::BTreeMap;

/// Administrative levels, highest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    National,
    Provincial,
    City,
    County,
    Township,
}

/// The level prefix a name opens with, and the level it gives. 市场监管局 has none.
pub fn prefix<'n>(name: &'n str, u: &Units) -> Option<(&'n str, Level)> {
    let l = &u.levels;
    if l.not_prefixes.iter().any(|w| name.starts_with(w.as_str())) {
        return None;
    }
    let groups = [
        (&l.national_prefixes, Level::National),
        (&l.provincial_prefixes, Level::Provincial),
        (&l.township_prefixes, Level::Township),
        (&l.city_prefixes, Level::City),
        (&l.county_prefixes, Level::County),
    ];
    groups.into_iter().find_map(|(words, level)| {
        words
            .iter()
            .find(|w| name.starts_with(w.as_str()) && name.len() > w.len())
            .map(|w| (&name[..w.len()], level))
    })
}

/// The level a name states: by its prefix, by being a national body, or (without a prefix) by
/// a suffix only one level has (厅). None when the name does not say.
pub fn level_of(name: &str, u: &Units) -> Option<Level> {
    if u.levels.national.iter().any(|n| n == name) {
        return Some(Level::National);
    }
    if let Some((_, level)) = prefix(name, u) {
        return Some(level);
    }
    u.levels
        .provincial_suffixes
        .iter()
        .any(|s| name.ends_with(s.as_str()))
        .then_some(Level::Provincial)
}

/// A local office of a system run from the centre (海关, 人民银行…支行), a branch of a higher
/// body (市生态环境局平罗分局), or an office named after its head office (国家金融监督管理总局
/// 湖北监管局: more of a name after 总局): it serves the level it sits in, whatever its name says.
pub fn is_vertical_or_branch(name: &str, u: &Units, branch_suffixes: &[String]) -> bool {
    u.levels.vertical.iter().any(|v| name.contains(v.as_str()))
        || branch_suffixes.iter().any(|b| name.ends_with(b.as_str()))
        || name
            .find("总局")
            .is_some_and(|k| name[k + "总局".len()..].chars().count() >= 3)
        || national_body_office(name, u)
}

/// 国家矿山安全监察局贵州局: a national prefix, a body ending in 局, then at least three more
/// characters ending in 局 — the body's office in a place.
fn national_body_office(name: &str, u: &Units) -> bool {
    u.levels
        .national_prefixes
        .iter()
        .any(|p| name.starts_with(p.as_str()))
        && name.find('局').is_some_and(|k| {
            let rest = &name[k + '局'.len_utf8()..];
            rest.chars().count() >= 3 && rest.ends_with('局')
        })
}

/// The name without its level prefix and without connectives (和, 与, 及), which short and
/// full names drop freely.
pub fn core(name: &str, u: &Units) -> String {
    let rest = match prefix(name, u) {
        Some((p, _)) => &name[p.len()..],
        None => name,
    };
    rest.chars()
        .filter(|c| !matches!(c, '和' | '与' | '及' | ' ' | '\u{3000}'))
        .collect()
}

/// Which kind of body the name's suffix names (an index into `suffix_groups`).
pub fn suffix_kind(name: &str, u: &Units) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None; // (suffix length, group)
    for (g, words) in u.names.suffix_groups.iter().enumerate() {
        for w in words {
            if name.ends_with(w.as_str()) && best.is_none_or(|(len, _)| w.len() > len) {
                best = Some((w.len(), g));
            }
        }
    }
    best.map(|(_, g)| g)
}

/// True when `short` can be an abbreviation of `long`: its characters appear in order in `long`,
/// it opens with the same character and its suffix names the same kind of body (卫健委 and
/// 卫生健康委员会; 委办 and 委办公室).
pub fn abbreviates(short: &str, long: &str, u: &Units) -> bool {
    let (s, l): (Vec<char>, Vec<char>) = (short.chars().collect(), long.chars().collect());
    if s.len() < 2 || s.len() > l.len() || s.first() != l.first() {
        return false;
    }
    let mut it = l.iter();
    s.iter().all(|c| it.any(|x| x == c)) && suffix_kind(short, u) == suffix_kind(long, u)
}

/// True when two names written in one plan name the same unit: the same core, one an
/// abbreviation of the other, or one the other with a place name before it
/// (平罗县市场监管局 and 市场监管局).
pub fn same_unit(a: &str, b: &str, u: &Units) -> bool {
    same_core(&core(a, u), &core(b, u), u)
}

/// [`same_unit`] on cores already taken.
fn same_core(ca: &str, cb: &str, u: &Units) -> bool {
    if ca.is_empty() || cb.is_empty() {
        return false;
    }
    if ca == cb {
        return true;
    }
    let (short, long) = if ca.chars().count() <= cb.chars().count() {
        (ca, cb)
    } else {
        (cb, ca)
    };
    (short.chars().count() >= 3 && long.ends_with(short)) || abbreviates(short, long, u)
}

/// A list of names with their cores taken once, to hold many names against.
pub struct NameList<'n> {
    names: Vec<(&'n str, String)>,
}

impl<'n> NameList<'n> {
    pub fn new(names: impl IntoIterator<Item = &'n str>, u: &Units) -> NameList<'n> {
        let mut names: Vec<&str> = names.into_iter().collect();
        names.sort_unstable();
        names.dedup();
        NameList {
            names: names.into_iter().map(|n| (n, core(n, u))).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// A name of the list that is the same unit as `name`.
    pub fn has(&self, name: &str, u: &Units) -> bool {
        let c = core(name, u);
        self.names.iter().any(|(_, m)| same_core(&c, m, u))
    }

    /// The name of the list nearest to `name` (see [`nearest`]).
    pub fn nearest(&self, name: &str, u: &Units) -> Option<&'n str> {
        let c = core(name, u);
        nearest_core(&c, self.names.iter().map(|(n, m)| (*n, m.as_str())))
    }
}

/// The name, its prefix left off, is a department every level has (水务局, 商务局): a real
/// unit, not a slip for a listed one it resembles.
pub fn is_department(name: &str, u: &Units) -> bool {
    let c = core(name, u);
    u.names.departments.contains(&c)
}

/// The plan's own level: the level the first leads of its tasks state (a branch or a local
/// office of a vertical system says nothing), when at least three state one and three in five
/// of those agree. Lower governments a provincial plan assigns (各盟行署、市人民政府) are
/// partners or come after its own departments, so they do not outvote them.
pub fn plan_level(doc: &Document, data: &RuleData) -> Option<Level> {
    let u = &data.units;
    let mut votes: BTreeMap<Level, usize> = BTreeMap::new();
    for t in &doc.tasks {
        let Some(lead) = t.leads.first() else {
            continue;
        };
        if is_vertical_or_branch(&lead.name, u, &data.lexicon.units.branch_suffixes) {
            continue;
        }
        if let Some(l) = level_of(&lead.name, u).filter(|&l| l != Level::National) {
            *votes.entry(l).or_default() += 1;
        }
    }
    let all: usize = votes.values().sum();
    let (&level, &n) = votes
        .iter()
        .max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l)))?;
    (all >= 3 && n * 5 >= all * 3).then_some(level)
}

/// Edit distance between two names, counted in characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The name among `candidates` nearest to `name` by edit distance on their cores, when it is
/// near enough to be the name meant: at most one character in three differs.
pub fn nearest<'c>(name: &str, candidates: &[&'c str], u: &Units) -> Option<&'c str> {
    let cores: Vec<(&str, String)> = candidates.iter().map(|&m| (m, core(m, u))).collect();
    nearest_core(&core(name, u), cores.iter().map(|(n, m)| (*n, m.as_str())))
}

/// [`nearest`] on cores already taken: `(name, core)` candidates.
fn nearest_core<'c, 'k>(
    c: &str,
    candidates: impl Iterator<Item = (&'c str, &'k str)>,
) -> Option<&'c str> {
    let len = c.chars().count();
    candidates
        .map(|(m, mc)| (distance(c, mc), m))
        .filter(|&(d, _)| d > 0 && d * 3 <= len.max(3))
        .min_by_key(|&(d, m)| (d, m))
        .map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::RuleData;

    fn units() -> Units {
        RuleData::builtin().units
    }

    #[test]
    fn levels_from_prefix_list_and_suffix() {
        let u = units();
        assert_eq!(level_of("市场监管局", &u), None);
        assert_eq!(level_of("市市场监督管理局", &u), Some(Level::City));
        assert_eq!(level_of("区卫健委", &u), Some(Level::County));
        assert_eq!(level_of("自治区教育厅", &u), Some(Level::Provincial));
        assert_eq!(level_of("农牧业厅", &u), Some(Level::Provincial));
        assert_eq!(level_of("食品药品监管总局", &u), Some(Level::National));
        assert_eq!(level_of("国家卫生健康委", &u), Some(Level::National));
        assert_eq!(level_of("各乡镇", &u), None);
        assert_eq!(level_of("镇政府", &u), Some(Level::Township));
    }

    #[test]
    fn one_unit_under_short_full_and_placed_names() {
        let u = units();
        assert!(same_unit("区卫健委", "区卫生健康委员会", &u));
        assert!(same_unit("区委办公室", "区委办", &u));
        assert!(same_unit("区工信与科技局", "区工信和科技局", &u));
        assert!(same_unit("平罗县市场监管局", "县市场监管局", &u));
        assert!(!same_unit("区生态环境局", "区生态环境分局", &u));
        assert!(!same_unit("区文物局", "区文体局", &u));
        assert!(!same_unit("区工务局", "区水务局", &u));
    }

    #[test]
    fn nearest_listed_name() {
        let u = units();
        let members = ["区文体局", "区水务局", "区生态环境分局", "区卫健委"];
        assert_eq!(nearest("区文物局", &members, &u), Some("区文体局"));
        assert_eq!(
            nearest("区生态环境局", &members, &u),
            Some("区生态环境分局")
        );
        assert_eq!(nearest("区退役军人事务局", &members, &u), None);
        assert_eq!(distance("文广局", "文旅局"), 1);
        assert_eq!(distance("委考核办", "委督检考办"), 3);
    }
}
