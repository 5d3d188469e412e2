//! `repeated-character` (PL116): the same Chinese character written twice where no word
//! doubles it (整改率率达到, 兽药药残留). See rules/rules.toml and rules/units.toml `[typos]`.
//!
//! A doubled character is no typo when the pair is a reduplication (层层, 批批: data), a word
//! of the word list (rules/words.txt), or a word boundary: the second character opens a word
//! of two, three or four characters (鄂尔多斯市|市场, 肉品|品质, 道路|路长制, 县|县直单位), or a word the
//! plan itself opens elsewhere after a stop, 、 or a joiner (火灾|灾后处置 where it also writes
//! 预防、扑救、灾后处置). Every typo found in
//! real plans leaves the second character stranded (率率达到, 药药残留, 工作作，), while a
//! boundary is common: when in doubt, the rule stays quiet.

use super::{Context, Findings};
use crate::source::Span;

pub const RULE: &str = "repeated-character";

pub fn run(cx: &Context, out: &mut Findings) {
    let typos = &cx.data.units.typos;
    let words = &cx.data.words;
    let text = cx.src.text.as_str();
    // Doubled characters not quiet by the lists, and the pair each would open: the pairs
    // opening phrases are then counted in one pass over the text, and only those pairs (a
    // pass per doubled character was quadratic on a text full of them).
    let mut doubled: Vec<Doubled> = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let Some(&(j, d)) = it.peek() else { break };
        if c != d || !is_han(c) {
            continue;
        }
        let after = text[j + d.len_utf8()..].chars().next();
        let pair = format!("{c}{c}");
        let quiet = typos.reduplications.iter().any(|r| r.contains(&pair))
            || words.contains(c, c)
            || after.is_some_and(|n| words.contains(c, n))
            // A longer word opens at the second character (道路|路长制, 县|县直单位).
            || words.starts_longer_word(&text[j..]);
        if !quiet {
            doubled.push((i, j, c, after.map(|n| (d, n))));
        }
    }
    if doubled.is_empty() {
        return;
    }
    let mut openings: rustc_hash::FxHashMap<(char, char), u32> = doubled
        .iter()
        .filter_map(|&(_, _, _, p)| p.map(|p| (p, 0)))
        .collect();
    if !openings.is_empty() {
        count_phrase_openings(text, &mut openings);
    }
    for (i, j, c, opens) in doubled {
        // The second character opens a pair the plan opens elsewhere (火灾|灾后处置).
        let here = u32::from(opens_phrase(Some(c)));
        if opens.is_some_and(|p| openings.get(&p).is_some_and(|&k| k > here)) {
            continue;
        }
        let span = Span::new(i, j + c.len_utf8());
        let pair = format!("{c}{c}");
        out.report(RULE, span, t!(cx, "message", pair = pair, char = c))
            .help(t!(cx, "help", char = c));
    }
}

/// A doubled character: the offsets of its two halves, the character, and the pair its second
/// half opens (with the character after it), if any.
type Doubled = (usize, usize, char, Option<(char, char)>);

/// Counts how often each pair of `counts`, the first a Han character, starts a phrase of the
/// plan: after punctuation, a line break, the text's start or a joiner (及/和/与/或). A
/// doubled character whose second half opens such a pair elsewhere ends one word and starts
/// another the plan uses on its own (火灾|灾后处置 beside 预防、扑救、灾后处置).
fn count_phrase_openings(text: &str, counts: &mut rustc_hash::FxHashMap<(char, char), u32>) {
    let firsts: Vec<char> = counts.keys().map(|p| p.0).collect();
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(x) = chars.next() {
        if firsts.contains(&x) {
            if let Some(&y) = chars.peek() {
                if is_han(x) && opens_phrase(prev) {
                    if let Some(k) = counts.get_mut(&(x, y)) {
                        *k += 1;
                    }
                }
            }
        }
        prev = Some(x);
    }
}

/// A character after `prev` starts a phrase.
fn opens_phrase(prev: Option<char>) -> bool {
    prev.is_none_or(|p| !is_han(p) || "及和与或".contains(p))
}

/// A CJK ideograph (the unified block and extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_doubled_characters_no_word_doubles() {
        let plan = "一、任务\n（一）整改。体系检查问题整改率率达到100%，集中整治兽药药残留超标，做好应急救援工作作，指导开展。合格率达到90%。\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![
                (2, 15, "率率: the character 率 is written twice".to_string()),
                (2, 29, "药药: the character 药 is written twice".to_string()),
                (2, 43, "作作: the character 作 is written twice".to_string()),
            ]
        );
    }

    #[test]
    fn quiet_on_reduplications_and_word_boundaries() {
        let plan = "一、任务\n（一）森林火灾的预防、扑救、灾后处置。在森林火灾灾后处置工作中，全面推行道路路长制，县直单位按期落实，鄂尔多斯市市场监督管理局局长层层落实，批批自检，肉品品质好，食品品种丰富，城市市容整洁，委员会会议每年年底召开，及时报告属地监管管理部门，ᠮᠤᠮᠤ。\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }
}
