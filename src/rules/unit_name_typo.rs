//! `unit-name-typo` (PL126): a unit's name written with one character wrong (市白然资源和规划局
//! beside 市自然资源和规划局, 市佳房城乡建设局 beside 市住房城乡建设局), a slip of the input method
//! that turns a word of the name into no word. See rules/rules.toml.
//!
//! Two names the plan gives its owners, of the same length (six characters at least: shorter
//! names are abbreviations, 县城管局 and 县矿管局), that differ in one character: the rarer, if
//! the other is written at least twice as often, is reported where, at that character, the other name reads a word of the word list
//! (rules/words.txt: 自然, 住房) and it reads none. Units that differ in a word (市民政局 and
//! 市财政局: 民政 and 财政 are both words) are two units, and so are names told apart by a
//! character of rules/units.toml `distinct_characters` (城东区/城西区, 一中/二中, 市委/市府).

use super::{Context, Findings};
use crate::source::{is_cjk, Span};
use std::collections::BTreeMap;

pub const RULE: &str = "unit-name-typo";

/// The shortest name compared, in characters.
const MIN_CHARS: usize = 6;

/// Whether the character at `i` of `name` stands in a two-character word with a neighbour.
fn in_word(name: &[char], i: usize, words: &crate::data::Words) -> bool {
    (i > 0 && words.contains(name[i - 1], name[i]))
        || (i + 1 < name.len() && words.contains(name[i], name[i + 1]))
}

/// The one position where two names of the same length differ, if exactly one does.
fn one_difference(a: &[char], b: &[char]) -> Option<usize> {
    if a.len() != b.len() {
        return None;
    }
    let mut at = None;
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        if x != y {
            if at.is_some() {
                return None;
            }
            at = Some(i);
        }
    }
    at
}

pub fn run(cx: &Context, out: &mut Findings) {
    // name -> where it is written, in document order
    let mut seen: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    for u in cx.units() {
        seen.entry(u.name.as_str()).or_default().push(u.span);
    }
    let distinct = &cx.data.units.typos.distinct_characters;
    let names: Vec<(&str, Vec<char>, &Vec<Span>)> = seen
        .iter()
        .map(|(n, s)| (*n, n.chars().collect(), s))
        // Short names are abbreviations, told apart by one character by design (县城管局,
        // 县矿管局; 市城投公司, 市交投公司).
        .filter(|(_, c, _): &(&str, Vec<char>, &Vec<Span>)| c.len() >= MIN_CHARS)
        .collect();
    for (odd, oc, spans) in &names {
        // The name meant: written at least twice as often (a slip is rarer than the name, two
        // units named once each, 通川区人民政府 and 达川区人民政府, are two units), reading a word
        // where the odd one reads none.
        let meant = names.iter().find(|(_, mc, main_spans)| {
            let Some(i) = one_difference(oc, mc) else {
                return false;
            };
            main_spans.len() >= 2 * spans.len()
                && is_cjk(oc[i])
                && is_cjk(mc[i])
                && ![oc[i], mc[i]].iter().any(|&c| distinct.contains(c))
                && in_word(mc, i, &cx.data.words)
                && !in_word(oc, i, &cx.data.words)
        });
        let Some((main, _, main_spans)) = meant else {
            continue;
        };
        out.report(RULE, spans[0], t!(cx, "message", name = odd, main = main))
            .related(main_spans[0], t!(cx, "related", main = main))
            .help(t!(cx, "help", main = main));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    /// corpus-judged rb07 (安庆市): 自然 typed as 白然 and 住房 as 佳房 in one clause, each name
    /// written right elsewhere in the plan; a slip in a word's second character (自杰) likewise.
    #[test]
    fn a_name_that_breaks_a_word_of_the_name_written_elsewhere_is_reported() {
        let plan = "一、措施\n（一）优化土地供应。（责任单位：市自然资源和规划局、市住房城乡建设局）\n（二）支持刚性需求。（责任单位：市自然资源和规划局、市住房城乡建设局）\n（三）盘活存量用地。（责任单位：市白然资源和规划局、市佳房城乡建设局）\n（四）收购存量住房。（责任单位：市自杰资源和规划局）\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![
                (4, 17, "`市白然资源和规划局` differs in one character from `市自然资源和规划局`, the name written elsewhere in the plan".to_string()),
                (4, 27, "`市佳房城乡建设局` differs in one character from `市住房城乡建设局`, the name written elsewhere in the plan".to_string()),
                (5, 17, "`市自杰资源和规划局` differs in one character from `市自然资源和规划局`, the name written elsewhere in the plan".to_string()),
            ]
        );
    }

    /// Units whose names differ in a word (民政/财政) or in a character that tells units apart
    /// (城东/城西) are two units; so are abbreviations (corpus/24: 县水利局 six times, 县水保局
    /// once) and two names written once each (corpus-judged f03: 通川区人民政府, 达川区人民政府).
    #[test]
    fn units_that_differ_in_a_word_or_a_distinguishing_character_are_two_units() {
        let plan = "一、措施\n（一）救助。（责任单位：市民政局、城东区人民政府）\n（二）资金。（责任单位：市财政局、城西区人民政府）\n（三）保障。（责任单位：市民政局、城东区人民政府）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        let plan = "一、措施\n（一）治水。（责任单位：县水利局）\n（二）护岸。（责任单位：县水利局）\n（三）保土。（责任单位：县水保局）\n（四）行洪。（责任单位：县水利局、通川区人民政府、达川区人民政府）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        // Towns told apart by 上/下; offices of two bureaus (民政, 财政: both words); companies
        // under abbreviations that are no words (城投, 农投: neither reads a word).
        let plan = "一、措施\n（一）供水。（责任单位：县上坪镇人民政府、市民政局办公室、市城投集团有限公司）\n（二）排水。（责任单位：县上坪镇人民政府、市民政局办公室、市城投集团有限公司）\n（三）治污。（责任单位：县下坪镇人民政府、市财政局办公室、市农投集团有限公司）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
        // Each written once: nothing says which is meant.
        let plan = "一、措施\n（一）供地。（责任单位：市自然资源和规划局）\n（二）用地。（责任单位：市白然资源和规划局）\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }
}
