//! Unit lists: `A、B，C` split into units, units glued by a lost line break pulled apart.

use super::lex::{is_space, split_outside_brackets, trim};
use crate::data::{longest_first, Lexicon};
use crate::model::Unit;
use crate::source::Span;

/// Splits a list of unit names. `base` is the offset of `list` in the document.
/// Spaces separate units too (PDF tables lose the 、 between them); `…Z等和各省级人民政府`
/// splits at 等和; a trailing 等 (商务部等) is not part of the name.
/// The longest piece `unglue` tries to split (80 characters of CJK).
const MAX_GLUED_BYTES: usize = 240;

pub fn split_units(list: &str, base: usize, lex: &Lexicon) -> Vec<Unit> {
    let suffixes = longest_first(&lex.units.glue_suffixes);
    let mut out = Vec::new();
    let pieces = split_outside_brackets(list, |c| super::lex::is_unit_separator(c) || is_space(c));
    for piece in merge_shared_ending(list, merge_areas(list, pieces, lex), lex) {
        for piece in split_at_joiners(trim_unit(piece), lex) {
            let piece = without_scope_note(without_et_al(piece, lex), lex);
            if piece.is_empty() {
                continue;
            }
            for part in unglue(piece, &suffixes, lex) {
                out.push(Unit {
                    name: part.to_string(),
                    span: Span::of(list, part).shift(base),
                });
            }
        }
    }
    out
}

/// `各区、县（市）政府`, `各省、自治区、直辖市人民政府`: territories listed before the government
/// they share are one unit; the pieces (各区 / 县（市）政府) are joined back.
fn merge_areas<'a>(list: &'a str, pieces: Vec<&'a str>, lex: &Lexicon) -> Vec<&'a str> {
    let areas = &lex.units.area_words;
    let is_area = |_: usize, p: &str| {
        let p = trim(p);
        let p = p.strip_prefix('各').unwrap_or(p);
        !p.is_empty() && areas.iter().any(|a| a == p)
    };
    let closes = |p: &str| !trim(p).is_empty() && !trim(p).starts_with('各');
    merge_runs(list, pieces, is_area, closes)
}

/// `市发展改革、财政部门`, `规划、国土资源、环保等部门`: fields of one place listed before the
/// ending they share are one unit as printed (the pieces 市发展改革 / 财政部门 are joined back).
/// Only pieces that end like no unit (rules/lexicon.toml `suffixes` but places) and are
/// short join the piece after them, and only when it ends in a shared ending (`shared_endings`).
fn merge_shared_ending<'a>(list: &'a str, pieces: Vec<&'a str>, lex: &Lexicon) -> Vec<&'a str> {
    let w = &lex.units;
    let bare = |k: usize, p: &str| {
        let p = trim(p);
        let n = p.chars().count();
        (1..=10).contains(&n)
            && (k == 0 || !p.starts_with('各'))
            && !w
                .suffixes
                .iter()
                .filter(|x| !w.place_suffixes.contains(x))
                .any(|x| p.ends_with(x.as_str()))
            && !w.dependent_names.iter().any(|x| p == x)
    };
    let closes = |p: &str| {
        let p = trim(p);
        !p.starts_with('各') && w.shared_endings.iter().any(|x| p.ends_with(x.as_str()))
    };
    merge_runs(list, pieces, bare, closes)
}

/// Joins back a run of pieces that `in_run` takes (by index and text) with the piece after it
/// when `closes` takes that one, as one slice of `list`; a run not so closed stays in pieces.
fn merge_runs<'a>(
    list: &'a str,
    pieces: Vec<&'a str>,
    in_run: impl Fn(usize, &str) -> bool,
    closes: impl Fn(&str) -> bool,
) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    let mut run_start: Option<usize> = None;
    for (k, p) in pieces.iter().enumerate() {
        if in_run(k, p) && k + 1 < pieces.len() {
            run_start.get_or_insert(k);
            continue;
        }
        match run_start.take() {
            Some(s) if closes(p) => {
                // From the run's first piece to the end of this one, as one slice of `list`.
                let a = Span::of(list, pieces[s]).start;
                let z = Span::of(list, p).end;
                out.push(&list[a..z]);
            }
            Some(s) => {
                out.extend(pieces[s..k].iter().copied());
                out.push(p);
            }
            None => out.push(p),
        }
    }
    if let Some(s) = run_start {
        out.extend(pieces[s..].iter().copied());
    }
    out
}

/// `商务部等` → `商务部`; a name that is only a catch-all keeps its words.
/// `各区县政府（含高新区，下同）` → `各区县政府`: a closing bracket whose content opens on a scope
/// word (rules/lexicon.toml `scope_notes`).
fn without_scope_note<'a>(name: &'a str, lex: &Lexicon) -> &'a str {
    if !name.ends_with([')', '）', '〉']) {
        return name;
    }
    let Some(open) = name.rfind(['(', '（', '〈']) else {
        return name;
    };
    let inside = &name[open + name[open..].chars().next().map_or(1, char::len_utf8)..];
    let scoped = lex
        .units
        .scope_notes
        .iter()
        .any(|w| inside.starts_with(w.as_str()));
    match trim(&name[..open]) {
        before if scoped && !before.is_empty() => before,
        _ => name,
    }
}

fn without_et_al<'a>(name: &'a str, lex: &Lexicon) -> &'a str {
    let ending = lex.units.vague_ending.as_str();
    match name.strip_suffix(ending) {
        Some(rest) if !ending.is_empty() && !trim(rest).is_empty() => trim_unit(rest),
        _ => name,
    }
}

/// Splits `A等和各省级人民政府` or `教育部和各省级人民政府` at the joiner, where both sides read
/// as units on their own (人力资源和社会保障局 and 中央和国家机关工委 stay whole).
fn split_at_joiners<'a>(piece: &'a str, lex: &Lexicon) -> Vec<&'a str> {
    let joiners = longest_first(&lex.units.list_joiners);
    // Most pieces hold no joiner: the suffixes are ordered only for those that do.
    if super::lex::find_any(piece, &joiners).is_none() {
        return vec![piece];
    }
    let suffixes = longest_first(&lex.units.suffixes);
    let unit_like = |s: &str| {
        let s = trim(s);
        !s.is_empty()
            && !has_non_name_word(s, lex)
            && (ends_with_unit(without_et_al(s, lex), &suffixes)
                || lex
                    .units
                    .group_prefixes
                    .iter()
                    .any(|g| s.starts_with(g.as_str())))
    };
    let mut search = 0;
    while search < piece.len() {
        let Some((i, w)) = super::lex::find_any(&piece[search..], &joiners) else {
            break;
        };
        let i = search + i;
        let (left, right) = (&piece[..i], &piece[i + w.len()..]);
        // 各乡镇党委和人民政府: the body after 和 shares the place before it.
        let shared = lex.units.shared_bodies.iter().any(|b| trim(right) == b);
        if unit_like(left) && unit_like(right) && !has_open_bracket(left) && !shared {
            let mut out = vec![trim(left)];
            out.extend(split_at_joiners(trim(right), lex));
            return out;
        }
        search = i + w.len();
    }
    vec![piece]
}

/// Strips spaces and stray punctuation around a unit name.
fn trim_unit(s: &str) -> &str {
    trim(s).trim_matches(|c: char| {
        matches!(
            c,
            '。' | '.' | '：' | ':' | '∶' | '"' | '“' | '”' | '*' | '＊'
        )
    })
}

/// Pulls apart names glued together (`农业农村局卫生健康局`). A split is made only where both
/// sides end with a unit suffix, the right side is a plausible unit on its own, and the whole is
/// not a branch (`市生态环境局平罗分局` stays one unit).
fn unglue<'a>(name: &'a str, suffixes: &[&str], lex: &Lexicon) -> Vec<&'a str> {
    let branches = longest_first(&lex.units.branch_suffixes);
    // Names glued by a lost line break are two or three names long; a piece of hundreds of
    // characters is no list of names, and trying every split of it would be quadratic.
    if name.len() > MAX_GLUED_BYTES || super::lex::ends_with_any(name, &branches).is_some() {
        return vec![name];
    }
    let mut parts = Vec::new();
    let (mut start, mut start_k) = (0, 0);
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let end = i + c.len_utf8();
        if end == name.len() || k < 1 {
            continue;
        }
        let left = &name[start..end];
        let right = &name[end..];
        // Character counts from indexes: counting would make long pieces quadratic.
        if k - start_k >= 2
            && chars.len() - k > 3
            && !is_parent_body(left, lex)
            && ends_with_unit(left, suffixes)
            && ends_with_unit(right, suffixes)
            && !starts_as_dependent(right, lex)
            && !has_open_bracket(left)
            && !right.starts_with(|c: char| "（(".contains(c))
            && next_split_is_whole(right, suffixes, lex)
            && !is_institution_of_body(right, lex)
            && !is_branch_of(left, right, suffixes)
            && !is_national_office(left, right, lex)
            // 党委和人民政府: what follows a joiner was not split off by split_at_joiners.
            && !lex.units.list_joiners.iter().any(|j| right.starts_with(j.as_str()))
            && suffix_ends_here(name, end, suffixes)
        {
            parts.push(left);
            start = end;
            start_k = k + 1;
        }
    }
    parts.push(&name[start..]);
    parts
}

/// `石棉县税务局` after `国家税务总局`: a local branch repeats its parent's function (税务) before
/// its own suffix, so the two are one name (国家税务总局石棉县税务局). Two bodies glued by a lost
/// line break name different functions (市场监管局 | 农业农村局).
/// Only the name that follows is compared, not the rest of a longer run: in
/// `市财政局市教育局市财政局` the 市教育局 after 市财政局 is no branch of it, whatever comes after.
fn is_branch_of(left: &str, right: &str, suffixes: &[&str]) -> bool {
    let function = |s: &str| -> Vec<(char, char)> {
        let cut = super::lex::ends_with_any(s, suffixes).map_or(0, str::len);
        let c: Vec<char> = s[..s.len() - cut].chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let next = right
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .find(|&end| {
            ends_with_unit(&right[..end], suffixes) && suffix_ends_here(right, end, suffixes)
        })
        .map_or(right, |end| &right[..end]);
    let l = function(left);
    function(next).iter().any(|p| l.contains(p))
}

/// `贵州局` after `国家矿山安全监察局`: a national body's local office, named by its place, with no
/// place word (省, 市, 县…) of its own before the place name (rules/lexicon.toml `national_starts`).
fn is_national_office(left: &str, right: &str, lex: &Lexicon) -> bool {
    let u = &lex.units;
    u.national_starts
        .iter()
        .any(|n| left.starts_with(n.as_str()))
        && !u.place_starts.iter().any(|p| right.starts_with(p.as_str()))
}

/// `疾病预防控制中心` after `市卫健委`: an institution named without a place of its own belongs
/// to the body before it, so the two are one name.
fn is_institution_of_body(right: &str, lex: &Lexicon) -> bool {
    lex.units
        .institution_suffixes
        .iter()
        .any(|s| right.ends_with(s.as_str()))
        && !lex
            .units
            .place_starts
            .iter()
            .any(|p| right.starts_with(p.as_str()))
}

/// The suffix ending at `end` is not the start of a longer one (委 in 委员会).
fn suffix_ends_here(name: &str, end: usize, suffixes: &[&str]) -> bool {
    let Some(s) = super::lex::ends_with_any(&name[..end], suffixes) else {
        return false;
    };
    let p = end - s.len();
    !suffixes
        .iter()
        .any(|t| t.len() > s.len() && name[p..].starts_with(*t))
}

fn ends_with_unit(s: &str, suffixes: &[&str]) -> bool {
    super::lex::ends_with_any(s, suffixes).is_some_and(|w| w.len() < s.len())
}

/// 国务院, 市政府…: a body whose offices are named after it (国务院国资委, 市政府办公室), so a
/// name is never split after it.
fn is_parent_body(s: &str, lex: &Lexicon) -> bool {
    lex.units.parent_bodies.iter().any(|p| p == s)
}

fn starts_as_dependent(s: &str, lex: &Lexicon) -> bool {
    lex.units
        .dependent_names
        .iter()
        .any(|d| s.starts_with(d.as_str()))
        || lex
            .units
            .suffixes
            .iter()
            .any(|suf| s.starts_with(suf.as_str()) && s.len() == suf.len())
}

fn has_open_bracket(s: &str) -> bool {
    s.chars().filter(|c| "（(".contains(*c)).count()
        > s.chars().filter(|c| "）)".contains(*c)).count()
}

/// The rest after a split must itself read as one or more whole units: its first suffix
/// occurrence must not leave a fragment such as "局" alone.
fn next_split_is_whole(right: &str, suffixes: &[&str], _lex: &Lexicon) -> bool {
    // "监管局农业农村局": the right side "农业农村局" starts with text, not with a suffix.
    !suffixes.iter().any(|s| right.starts_with(*s))
}

/// True when a unit name names nobody in particular: 相关部门, 各有关单位, …等.
pub fn is_vague(name: &str, lex: &Lexicon) -> bool {
    let name = name.trim_end_matches(|c: char| c == '。' || is_space(c));
    // 市行政审批局等有关部门: a named unit, with others who may help.
    let ending = lex.units.vague_ending.as_str();
    if let Some(i) = name.find(ending).filter(|_| !ending.is_empty()) {
        let head = trim(&name[..i]);
        if !head.is_empty() && !is_vague(head, lex) && !name.ends_with(ending) {
            return false;
        }
    }
    name.ends_with(ending)
        || lex
            .units
            .vague_suffixes
            .iter()
            .any(|v| name.ends_with(v.as_str()))
}

/// Words no unit name holds (由, 的, 应当…): text holding them is a sentence.
pub(crate) fn has_non_name_word(s: &str, lex: &Lexicon) -> bool {
    let s = without_duty_names(s, lex);
    lex.units
        .not_in_names
        .iter()
        .any(|w| s.contains(w.as_str()))
}

/// The text with each body named by its duty (负有…职责的部门: rules/lexicon.toml
/// `duty_name_opens`, `duty_name_ends`) cut down to its ending's last word, so that the 的
/// inside the name is not taken for a sentence's.
fn without_duty_names<'s>(s: &'s str, lex: &Lexicon) -> std::borrow::Cow<'s, str> {
    let u = &lex.units;
    if !u.duty_name_opens.iter().any(|o| s.contains(o.as_str())) {
        return std::borrow::Cow::Borrowed(s);
    }
    let (opens, ends) = (
        longest_first(&u.duty_name_opens),
        longest_first(&u.duty_name_ends),
    );
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((i, open)) = super::lex::find_any(rest, &opens) {
        let after = &rest[i + open.len()..];
        let window = after.char_indices().nth(30).map_or(after.len(), |(k, _)| k);
        let Some((k, end)) = super::lex::find_any(&after[..window], &ends) else {
            out.push_str(&rest[..i + open.len()]);
            rest = after;
            continue;
        };
        out.push_str(&rest[..i]);
        // 职责的部门 → 部门: the body the name ends on.
        out.push_str(end.rsplit('的').next().unwrap_or(end));
        rest = &after[k + end.len()..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A name without its bracketed parts (县（市）政府 → 县政府), for telling its suffix.
pub(crate) fn without_brackets(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        if super::lex::is_open(c) {
            depth += 1;
        } else if super::lex::is_close(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            out.push(c);
        }
    }
    out
}

/// True when the text reads as a list of units only (each piece ends with a unit suffix,
/// names a group of bodies (各…), or is a catch-all).
pub fn looks_like_unit_list(list: &str, lex: &Lexicon) -> bool {
    let suffixes = longest_first(&lex.units.suffixes);
    let units = split_units(list, 0, lex);
    !units.is_empty()
        && units.iter().all(|u| {
            let bare = without_brackets(&u.name);
            let n = bare.as_str();
            !has_non_name_word(&u.name, lex)
                && (ends_with_unit(n, &suffixes)
                    || is_vague(n, lex)
                    || lex
                        .units
                        .group_prefixes
                        .iter()
                        .any(|g| u.name.starts_with(g.as_str())))
                && u.name.chars().count() <= 40
                && !u.name.chars().any(|c| super::lex::is_digit(c) || c == '《')
        })
}

/// True when the text reads as a list of names, leniently: after a label (责任单位：) any short
/// name counts (杭州资本), not only those with a unit suffix. A note in brackets is no part of a
/// name's length (各县(市、区,含达州高新区、达州东部经开区,下同)人民政府(管委会)).
pub fn looks_like_name_list(list: &str, lex: &Lexicon) -> bool {
    let units = split_units(list, 0, lex);
    !units.is_empty()
        && units.iter().all(|u| {
            let n = without_brackets(&u.name).chars().count();
            (2..=24).contains(&n)
                && !has_non_name_word(&u.name, lex)
                && !u
                    .name
                    .chars()
                    .any(|c| super::lex::is_digit(c) || "《。：:".contains(c))
        })
}

/// True when the text reads as a few short names in a role slot (省工商联、阿里巴巴负责): at most
/// 16 characters each, no sentence word, digit or quotation; the slot makes them units.
pub fn looks_like_short_names(list: &str, lex: &Lexicon) -> bool {
    let units = split_units(list, 0, lex);
    !units.is_empty()
        && units.len() <= 12
        && units.iter().all(|u| {
            let n = u.name.chars().count();
            (2..=16).contains(&n)
                && !has_non_name_word(&u.name, lex)
                && u.name
                    .chars()
                    .all(|c| !super::lex::is_digit(c) && !"《》“”\"。：:".contains(c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::RuleData;

    fn names(list: &str) -> Vec<String> {
        let data = RuleData::builtin();
        split_units(list, 0, &data.lexicon)
            .into_iter()
            .map(|u| u.name)
            .collect()
    }

    #[test]
    fn territories_listed_before_their_government_are_one_unit() {
        // corpus-judged z02 (湖南省…低空经济…若干措施) line 14, as its label prints it; a listed
        // department after them stays apart.
        assert_eq!(
            names("各市州、县市区人民政府，省文化和旅游厅"),
            ["各市州、县市区人民政府", "省文化和旅游厅"]
        );
        assert_eq!(
            names("各省、自治区、直辖市人民政府"),
            ["各省、自治区、直辖市人民政府"]
        );
    }

    #[test]
    fn fields_listed_before_a_shared_ending_are_one_unit_as_printed() {
        // corpus-judged n08 (青岛市学前教育条例) line 98 and n09 line 17, as their labels print them.
        assert_eq!(
            names("公安、安全生产监管、食品药品监管、工商、交通等部门"),
            ["公安、安全生产监管、食品药品监管、工商、交通等部门"]
        );
        assert_eq!(names("发展改革、规划等部门"), ["发展改革、规划等部门"]);
        assert_eq!(names("市发展改革、财政部门"), ["市发展改革、财政部门"]);
        // 农业农村 ends like a village but is a field.
        assert_eq!(names("各级农业农村、财政部门"), ["各级农业农村、财政部门"]);
        // A unit before the list stays apart: 海关总署 ends in 署.
        assert_eq!(
            names("海关总署、商务部等有关部门"),
            ["海关总署", "商务部等有关部门"]
        );
        // Short pieces not followed by a shared ending are left as they are.
        assert_eq!(
            names("县农业农村局、县林业、县水利局"),
            ["县农业农村局", "县林业", "县水利局"]
        );
    }

    /// An unseen city's clause (s7f 027): a county government whose name holds a long note and
    /// its 管委会 in brackets is one short name in a label's list.
    #[test]
    fn a_note_in_brackets_is_no_part_of_a_names_length() {
        let data = RuleData::builtin();
        let list = "市公安局、达州水务集团有限公司、各县(市、区,含达州高新区、达州东部经开区,下同)人民政府(管委会)";
        assert!(looks_like_name_list(list, &data.lexicon));
        let long = "市公安局、达州市高新技术产业开发区东部经济开发区综合管理委员会下属各单位";
        assert!(!looks_like_name_list(long, &data.lexicon));
    }

    #[test]
    fn splits_lists_on_every_separator() {
        assert_eq!(
            names("自治区环境保护厅，各盟行署、市人民政府"),
            vec!["自治区环境保护厅", "各盟行署", "市人民政府"]
        );
        assert_eq!(
            names("区公安分局 区人民法院"),
            vec!["区公安分局", "区人民法院"]
        );
    }

    #[test]
    fn keeps_bracketed_names_whole() {
        assert_eq!(
            names("各乡镇政府（街道办事处）、市政府食安委相关成员单位"),
            vec!["各乡镇政府（街道办事处）", "市政府食安委相关成员单位"]
        );
    }

    #[test]
    fn unglues_lost_line_breaks_but_not_branches() {
        assert_eq!(
            names("农业农村局卫生健康局"),
            vec!["农业农村局", "卫生健康局"]
        );
        assert_eq!(
            names("市场监管局农业农村局"),
            vec!["市场监管局", "农业农村局"]
        );
        // A name written again later in the run is no branch of the name before it (a cell of
        // twelve glued names repeating four was read as one name, silently: issue 21's audit).
        assert_eq!(
            names("市财政局市教育局市财政局"),
            vec!["市财政局", "市教育局", "市财政局"]
        );
        assert_eq!(
            names("市发展改革委市财政局市教育局市公安局市民政局市司法局市人社局市住建局市发展改革委市财政局市教育局市公安局").len(),
            12
        );
        assert_eq!(names("市生态环境局平罗分局"), vec!["市生态环境局平罗分局"]);
        assert_eq!(names("人民银行平罗支行"), vec!["人民银行平罗支行"]);
        assert_eq!(
            names("国家税务总局石棉县税务局"),
            vec!["国家税务总局石棉县税务局"]
        );
        assert_eq!(
            names("市发展和改革委员会市卫生健康委员会"),
            vec!["市发展和改革委员会", "市卫生健康委员会"]
        );
        assert_eq!(
            names("区食品药品监督管理局办公室"),
            vec!["区食品药品监督管理局办公室"]
        );
        assert_eq!(
            names("市人力资源和社会保障局"),
            vec!["市人力资源和社会保障局"]
        );
        assert_eq!(names("县委网信办"), vec!["县委网信办"]);
        assert_eq!(
            names("市委机构编制委员会办公室"),
            vec!["市委机构编制委员会办公室"]
        );
    }

    #[test]
    fn spans_point_at_each_unit() {
        let data = RuleData::builtin();
        let list = "农业农村局卫生健康局";
        let u = split_units(list, 100, &data.lexicon);
        assert_eq!(
            u[1].span,
            Span::new(100 + "农业农村局".len(), 100 + list.len())
        );
    }

    #[test]
    fn vague_units() {
        let data = RuleData::builtin();
        assert!(is_vague("县食品安全委员会相关成员单位", &data.lexicon));
        assert!(is_vague(
            "县卫生健康局、市场监管局、农业农村局等",
            &data.lexicon
        ));
        assert!(!is_vague("县市场监管局", &data.lexicon));
    }
}
