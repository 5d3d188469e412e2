//! Unit lists: `A、B，C` split into units, units glued by a lost line break pulled apart.

use super::lex::{is_space, split_outside_brackets, trim};
use crate::data::{longest_first, Lexicon};
use crate::model::Unit;
use crate::source::Span;

/// Splits a list of unit names. `base` is the offset of `list` in the document.
/// Spaces separate units too (PDF tables lose the 、 between them).
pub fn split_units(list: &str, base: usize, lex: &Lexicon) -> Vec<Unit> {
    let suffixes = longest_first(&lex.units.glue_suffixes);
    let mut out = Vec::new();
    for piece in split_outside_brackets(list, |c| super::lex::is_unit_separator(c) || is_space(c)) {
        let piece = trim_unit(piece);
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
    out
}

/// Strips spaces and stray punctuation around a unit name.
fn trim_unit(s: &str) -> &str {
    trim(s).trim_matches(|c: char| matches!(c, '。' | '.' | '：' | ':' | '"' | '“' | '”'))
}

/// Pulls apart names glued together (`农业农村局卫生健康局`). A split is made only where both
/// sides end with a unit suffix, the right side is a plausible unit on its own, and the whole is
/// not a branch (`市生态环境局平罗分局` stays one unit).
fn unglue<'a>(name: &'a str, suffixes: &[&str], lex: &Lexicon) -> Vec<&'a str> {
    let branches = longest_first(&lex.units.branch_suffixes);
    if super::lex::ends_with_any(name, &branches).is_some() {
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
            && ends_with_unit(left, suffixes)
            && ends_with_unit(right, suffixes)
            && !starts_as_dependent(right, lex)
            && !has_open_bracket(left)
            && !right.starts_with(|c: char| "（(".contains(c))
            && next_split_is_whole(right, suffixes, lex)
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
    super::lex::ends_with_any(s, suffixes).is_some()
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
    name.ends_with(lex.units.vague_ending.as_str())
        || lex
            .units
            .vague_suffixes
            .iter()
            .any(|v| name.ends_with(v.as_str()))
}

/// True when the text reads as a list of units only (each piece ends with a unit suffix,
/// names a territory, or is a catch-all).
pub fn looks_like_unit_list(list: &str, lex: &Lexicon) -> bool {
    let suffixes = longest_first(&lex.units.suffixes);
    let units = split_units(list, 0, lex);
    !units.is_empty()
        && units.iter().all(|u| {
            let n = u.name.trim_end_matches(|c: char| "）)".contains(c));
            let n = n.split(['（', '(']).next().unwrap_or(n);
            (ends_with_unit(n, &suffixes) || is_vague(n, lex) || u.name.starts_with('各'))
                && u.name.chars().count() <= 40
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
        assert_eq!(names("市生态环境局平罗分局"), vec!["市生态环境局平罗分局"]);
        assert_eq!(names("人民银行平罗支行"), vec!["人民银行平罗支行"]);
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
