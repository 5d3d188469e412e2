//! Responsibility clauses: who leads a task and who helps.
//!
//! ```text
//! clause   := labelled | marked
//! labelled := lead_label "：" units (("；"|"，") partner_label "：" units)?      （责任单位：A、B）
//! marked   := segment (sep segment)*
//! segment  := units? marker                 A、B按职责分工负责 | C、D配合 | 配合 (empty list)
//!           | units joint units marker      A会同B共同负责
//! marker   := lead_marker | partner_marker  (from rules/lexicon.toml), followed by a separator or the end
//! ```
//! A segment closed by 牵头 names the lead; other lead segments of that clause become partners.

use super::lex::{is_space, is_unit_separator, trim};
use super::units::{looks_like_unit_list, split_units};
use crate::data::{longest_first, Lexicon};
use crate::model::Unit;
use crate::source::Span;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Responsibility {
    pub leads: Vec<Unit>,
    pub partners: Vec<Unit>,
    /// The partner marker of a partner list that names nobody.
    pub empty_partner_list: Option<Span>,
}

/// Reads the inside of a bracket group (or a whole table cell) as a responsibility clause.
/// `base` is the offset of `inner` in the document. None when it is not a clause.
pub fn read_clause(inner: &str, base: usize, lex: &Lexicon) -> Option<Responsibility> {
    let inner_trimmed = trim(inner);
    if inner_trimmed.is_empty() || inner_trimmed.chars().count() > 300 {
        return None;
    }
    // Most bracket groups are asides, not clauses: without a label or marker word, none.
    if lex
        .clause
        .any_word
        .as_ref()
        .is_some_and(|ac| !ac.is_match(inner))
    {
        return None;
    }
    labelled(inner, base, lex).or_else(|| marked(inner, base, lex))
}

/// labelled := lead_label "：" units (sep partner_label "：" units)?
fn labelled(inner: &str, base: usize, lex: &Lexicon) -> Option<Responsibility> {
    let body = trim(inner);
    let body_base = base + Span::of(inner, body).start;
    let labels = longest_first(&lex.clause.lead_labels);
    let label = super::lex::starts_with_any(body, &labels)?;
    let rest = body[label.len()..].trim_start_matches(is_space);
    let rest = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
    let partner_labels = longest_first(&lex.clause.partner_labels);
    let (lead_part, partner_part) = match super::lex::find_any(rest, &partner_labels) {
        Some((i, w)) => {
            let after = rest[i + w.len()..].trim_start_matches(is_space);
            let after = after
                .strip_prefix('：')
                .or_else(|| after.strip_prefix(':'))
                .unwrap_or(after);
            (&rest[..i], Some(after))
        }
        None => (rest, None),
    };
    let lead_part = lead_part.trim_end_matches(|c: char| is_unit_separator(c) || is_space(c));
    let offset = |s: &str| body_base + Span::of(body, s).start;
    let leads = split_units(lead_part, offset(lead_part), lex);
    if leads.is_empty() {
        return None;
    }
    let partners = partner_part
        .map(|p| split_units(p, offset(p), lex))
        .unwrap_or_default();
    Some(Responsibility {
        leads,
        partners,
        empty_partner_list: None,
    })
}

struct Segment<'a> {
    units: &'a str,
    marker: &'a str,
    lead: bool,
    primary: bool,
}

/// marked := segment (sep segment)*
fn marked(inner: &str, base: usize, lex: &Lexicon) -> Option<Responsibility> {
    let lead_markers = longest_first(&lex.clause.lead_markers);
    let partner_markers = longest_first(&lex.clause.partner_markers);
    let mut all: Vec<&str> = lead_markers
        .iter()
        .chain(partner_markers.iter())
        .copied()
        .collect();
    all.sort_by_key(|w| std::cmp::Reverse(w.len()));

    let mut segments = Vec::new();
    let mut pos = skip_separators(inner, 0);
    while pos < inner.len() {
        let (i, marker) = next_closing_marker(inner, pos, &all)?;
        let lead = lead_markers.contains(&marker);
        segments.push(Segment {
            units: &inner[pos..i],
            marker: &inner[i..i + marker.len()],
            lead,
            primary: lex.clause.primary_lead_markers.iter().any(|m| m == marker),
        });
        pos = skip_separators(inner, i + marker.len());
    }
    if !segments.iter().any(|s| s.lead && !trim(s.units).is_empty()) {
        return None;
    }
    let has_primary = segments.iter().any(|s| s.primary);
    let joint = longest_first(&lex.clause.joint_words);
    let mut out = Responsibility::default();
    for seg in &segments {
        let units = trim(seg.units);
        let at = |s: &str| base + Span::of(inner, s).start;
        if units.is_empty() {
            if seg.lead {
                return None;
            }
            out.empty_partner_list = Some(Span::of(inner, seg.marker).shift(base));
            continue;
        }
        let (first, second) = match super::lex::find_any(units, &joint) {
            Some((j, w)) if seg.lead => (&units[..j], Some(&units[j + w.len()..])),
            _ => (units, None),
        };
        if !looks_like_unit_list(first, lex)
            || second.is_some_and(|s| !looks_like_unit_list(s, lex))
        {
            return None;
        }
        let first_units = split_units(first, at(first), lex);
        if seg.lead && (seg.primary || !has_primary) {
            out.leads.extend(first_units);
        } else {
            out.partners.extend(first_units);
        }
        if let Some(s) = second {
            out.partners.extend(split_units(s, at(s), lex));
        }
    }
    (!out.leads.is_empty()).then_some(out)
}

fn skip_separators(s: &str, mut pos: usize) -> usize {
    while let Some(c) = s[pos..].chars().next() {
        if is_unit_separator(c) || is_space(c) || c == '。' {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// The first marker at or after `from` that closes a list: followed by a separator or the end.
fn next_closing_marker<'w>(s: &str, from: usize, markers: &[&'w str]) -> Option<(usize, &'w str)> {
    let mut search = from;
    while search < s.len() {
        let (rel, w) = super::lex::find_any(&s[search..], markers)?;
        let i = search + rel;
        let after = s[i + w.len()..].trim_start_matches(is_space);
        if after.is_empty() || after.starts_with(|c: char| is_unit_separator(c) || c == '。') {
            return Some((i, w));
        }
        search = i + s[i..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::RuleData;

    fn read(inner: &str) -> Option<(Vec<String>, Vec<String>, bool)> {
        let data = RuleData::builtin();
        read_clause(inner, 0, &data.lexicon).map(|r| {
            (
                r.leads.into_iter().map(|u| u.name).collect(),
                r.partners.into_iter().map(|u| u.name).collect(),
                r.empty_partner_list.is_some(),
            )
        })
    }

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn duty_division_with_partners() {
        assert_eq!(
            read("自治区环境保护厅，各盟行署、市人民政府按职责分工负责；自治区发展和改革委员会、财政厅配合"),
            Some((v(&["自治区环境保护厅", "各盟行署", "市人民政府"]), v(&["自治区发展和改革委员会", "财政厅"]), false))
        );
    }

    #[test]
    fn labelled_list() {
        assert_eq!(
            read("责任单位：县卫生健康局、市场监管局、农业农村局"),
            Some((
                v(&["县卫生健康局", "市场监管局", "农业农村局"]),
                vec![],
                false
            ))
        );
    }

    #[test]
    fn joint_and_lead_markers() {
        assert_eq!(
            read("自治区卫生计生委会同自治区农牧业厅、食品药品监管局共同负责"),
            Some((
                v(&["自治区卫生计生委"]),
                v(&["自治区农牧业厅", "食品药品监管局"]),
                false
            ))
        );
        assert_eq!(
            read("区水务局牵头，区公安分局、区市场监管局按职责分工负责"),
            Some((v(&["区水务局"]), v(&["区公安分局", "区市场监管局"]), false))
        );
        assert_eq!(
            read("庄河海关负责"),
            Some((v(&["庄河海关"]), vec![], false))
        );
    }

    #[test]
    fn empty_partner_list_is_recorded() {
        assert_eq!(
            read("自治区农牧业厅、粮食局，各盟行署、市人民政府按职责分工负责；配合"),
            Some((
                v(&["自治区农牧业厅", "粮食局", "各盟行署", "市人民政府"]),
                vec![],
                true
            ))
        );
    }

    #[test]
    fn nested_brackets_stay_in_names() {
        assert_eq!(
            read(
                "各乡镇政府（街道办事处）、市政府食安委相关成员单位、市政府相关部门按职责分工负责"
            ),
            Some((
                v(&[
                    "各乡镇政府（街道办事处）",
                    "市政府食安委相关成员单位",
                    "市政府相关部门"
                ]),
                vec![],
                false
            ))
        );
    }

    #[test]
    fn asides_are_not_clauses() {
        for s in [
            "负责常务工作",
            "包括水产品",
            "代拟稿",
            "含保健食品，下同",
            "挥发性有机物",
            "HACCP",
        ] {
            assert_eq!(read(s), None, "{s}");
        }
    }
}
