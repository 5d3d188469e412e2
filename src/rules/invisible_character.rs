//! `invisible-character` (PL119): zero-width spaces, direction marks and other characters that
//! show nothing (see [`crate::source::is_invisible`]), usually carried in when text is copied
//! from a web page or Word. See rules/rules.toml.
//!
//! The reader already treats them as spaces (so `市场\u{200B}监管局` is read, not lost); this
//! rule says where they are, because the published text keeps them and a search for the unit's
//! name, or a reviewer's copy into another document, will not find it. One finding per run of
//! adjacent characters; a file full of them (every line of a web copy) is reported as its
//! first `max_reported` runs, the last of which counts the rest.

use super::{Context, Findings};
use crate::source::Span;

pub const RULE: &str = "invisible-character";

pub fn run(cx: &Context, out: &mut Findings) {
    let invisible = runs(&cx.src.invisible);
    let max = cx.param_f64(RULE, "max_reported", 20.0).max(1.0) as usize;
    for (k, (span, chars)) in invisible.iter().enumerate().take(max) {
        let points = codes(chars);
        let name = cx.msg(RULE, name_key(chars[0]), &[]);
        let mut message = if chars.len() == 1 {
            t!(cx, "message-one", code = points, name = name)
        } else {
            t!(cx, "message-run", count = chars.len(), codes = points)
        };
        let rest = invisible.len().saturating_sub(max);
        if k + 1 == max && rest > 0 {
            message.push_str(&t!(cx, "more", count = rest));
        }
        out.report(RULE, *span, message).help(t!(cx, "help"));
    }
    // Accents on Chinese characters: each run of marks on one character.
    for (span, chars) in runs(&cx.src.marks) {
        let on = cx.src.text[..span.start].chars().next_back().unwrap_or(' ');
        out.report(
            RULE,
            span,
            t!(cx, "message-mark", codes = codes(&chars), char = on),
        )
        .help(t!(cx, "help-mark", char = on));
    }
}

/// `U+200E U+202C`: the characters' code points.
fn codes(chars: &[char]) -> String {
    chars
        .iter()
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs of adjacent invisible characters: their span and characters.
fn runs(invisible: &[(usize, char)]) -> Vec<(Span, Vec<char>)> {
    let mut out: Vec<(Span, Vec<char>)> = Vec::new();
    for &(at, c) in invisible {
        match out.last_mut() {
            Some((span, chars)) if span.end == at => {
                span.end = at + c.len_utf8();
                chars.push(c);
            }
            _ => out.push((Span::new(at, at + c.len_utf8()), vec![c])),
        }
    }
    out
}

/// The message key naming a character: the Unicode name of the common ones, the class of the
/// rest.
fn name_key(c: char) -> &'static str {
    match c {
        '\u{AD}' => "name-soft-hyphen",
        '\u{200B}' => "name-zero-width-space",
        '\u{200C}' => "name-zero-width-non-joiner",
        '\u{200D}' => "name-zero-width-joiner",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{61C}' => {
            "name-direction"
        }
        '\u{2060}' => "name-word-joiner",
        '\u{FEFF}' => "name-byte-order-mark",
        _ => "name-format",
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn one_finding_per_run_at_its_column() {
        let plan =
            "一、任务\n（一）\u{200B}加强监管。（区市场\u{200D}监管局\u{200E}\u{202C}牵头）\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![
                (
                    2,
                    4,
                    "an invisible character U+200B (zero width space)".to_string()
                ),
                (
                    2,
                    14,
                    "an invisible character U+200D (zero width joiner)".to_string()
                ),
                (
                    2,
                    18,
                    "2 invisible characters together: U+200E U+202C".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_file_full_of_them_is_reported_as_its_first_runs() {
        let plan: String = (1..=25)
            .map(|k| format!("\u{200B}{k}.加强监管。（区市场监管局牵头）\n"))
            .collect();
        let f = findings_of(&format!("一、任务\n{plan}"), super::RULE);
        assert_eq!(f.len(), 20);
        // Exactly as many runs as are listed: the last says nothing more.
        let twenty: String = (1..=20)
            .map(|k| format!("\u{200B}{k}.加强监管。（区市场监管局牵头）\n"))
            .collect();
        let g = findings_of(&format!("一、任务\n{twenty}"), super::RULE);
        assert_eq!(g.len(), 20);
        assert_eq!(g[19].2, "an invisible character U+200B (zero width space)");
        assert_eq!(
            f[0],
            (
                2,
                1,
                "an invisible character U+200B (zero width space)".to_string()
            )
        );
        assert_eq!(
            f[19],
            (
                21,
                1,
                "an invisible character U+200B (zero width space); 5 more runs after this one are not listed"
                    .to_string()
            )
        );
    }

    #[test]
    fn accents_on_chinese_characters() {
        let plan = "一、任务\n（一）加强监管。（区市场监管局负\u{301}责）e\u{301}\n";
        assert_eq!(
            findings_of(plan, super::RULE),
            vec![(
                2,
                17,
                "the combining mark U+0301 is written on 负".to_string()
            )]
        );
    }

    #[test]
    fn quiet_on_visible_spaces_and_mongolian() {
        let plan = "一、任务\n　　（一）加强 监管。\u{00A0}（区市场监管局牵头）ᠮᠣᠩᠭᠣᠯ\u{180B}\n";
        assert_eq!(findings_of(plan, super::RULE), vec![]);
    }
}
