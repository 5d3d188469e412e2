//! `repeated-phrase` (PL127): the same phrase of four or more Chinese characters written twice
//! in a row (参照本措施制定本措施制定本地政策). See rules/rules.toml.
//!
//! ```text
//! repeated := X X      X: 4 to 16 Chinese characters, within one line
//! ```
//! Shorter phrases are left to chance: a word of three characters before a longer word that
//! opens like it is common (申请人|申请人才住房), and reduplication doubles two (研究研究). A title
//! run into its text after an item number (（三）房票转让房票转让应当…) is the outline's business.

use super::{Context, Findings};
use crate::source::Span;

pub const RULE: &str = "repeated-phrase";

/// The shortest phrase whose doubling is a slip, in characters.
const MIN_CHARS: usize = 4;
/// The longest phrase looked for, in characters.
const MAX_CHARS: usize = 16;
/// An item number run into its title is at most this many characters (（十三）, 12．).
const NUMBER_CHARS: usize = 6;

pub fn run(cx: &Context, out: &mut Findings) {
    let mut start = 0;
    for line in cx.src.text.split_inclusive('\n') {
        for (at, len) in doubled(line) {
            let first = Span::new(start + at, start + at + len);
            let phrase = cx.text(first);
            out.report(
                RULE,
                Span::new(first.end, first.end + len),
                t!(cx, "message", phrase = phrase),
            )
            .help(t!(cx, "help", phrase = phrase));
        }
        start += line.len();
    }
}

/// The phrases written twice in a row in `line`: the byte offset of the first copy and the
/// length of one, in order, each doubling once.
fn doubled(line: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    // The copy of `n` characters at `at` is written again right after it.
    let again = |at: usize, n: usize| {
        at + 2 * n <= chars.len() && (0..n).all(|k| chars[at + k].1 == chars[at + n + k].1)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let found = (MIN_CHARS..=MAX_CHARS)
            .find(|&n| again(i, n) && chars[i..i + n].iter().all(|&(_, c)| is_han(c)));
        let Some(n) = found else {
            i += 1;
            continue;
        };
        // Written twice is a slip; three times or more is a pattern (a list, a filler, a
        // table's debris), passed over whole.
        let mut copies = 2;
        while again(i + (copies - 1) * n, n) {
            copies += 1;
        }
        if copies == 2 && !after_item_number(&line[..chars[i].0]) {
            let end = chars.get(i + n).map_or(line.len(), |&(b, _)| b);
            out.push((chars[i].0, end - chars[i].0));
        }
        i += copies * n;
    }
    out
}

/// The line up to here is an item number alone (（三）, 三、, 12．): what follows is a title run
/// into its text.
fn after_item_number(before: &str) -> bool {
    let before = before.trim();
    !before.is_empty()
        && before.chars().count() <= NUMBER_CHARS
        && before.ends_with(['）', ')', '、', '.', '．'])
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    /// corpus-judged rl01 (吉林市进一步促进房地产消费若干措施) line 46.
    #[test]
    fn a_phrase_written_twice_is_reported_at_its_second_copy() {
        let plan =
            "一、措施\n（一）各县（市）可参照本措施制定本措施制定本地政策。（市住建局负责）\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(
                2,
                17,
                "本措施制定本措施制定: the phrase 本措施制定 is written twice".to_string()
            )]
        );
    }

    /// Three characters before a word that opens like them (申请人|申请人才安居补助), a title run
    /// into its text after its number, two characters doubled, and a phrase written three times
    /// or more (a pattern, not a slip) are no slip of this kind.
    #[test]
    fn short_phrases_titles_run_into_their_text_and_patterns_are_left_alone() {
        let plan = "一、措施\n（一）符合条件的申请人申请人才安居补助。（市人社局负责）\n（三）房票转让房票转让应当符合下列规定。\n（四）研究研究再定。\n（五）本措施制定本措施制定本措施制定本地政策。\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }
}
