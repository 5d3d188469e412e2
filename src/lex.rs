//! Shared atoms: brackets of both widths, Chinese and Arabic numerals, separators.

use crate::span::Span;

pub const OPEN: &[char] = &['（', '(', '[', '【', '〔', '［'];
pub const CLOSE: &[char] = &['）', ')', ']', '】', '〕', '］'];

pub fn is_open(c: char) -> bool {
    OPEN.contains(&c)
}

pub fn is_close(c: char) -> bool {
    CLOSE.contains(&c)
}

pub fn is_full_width(c: char) -> bool {
    (c as u32) > 0x7F
}

/// Separators between units in a list.
pub fn is_unit_separator(c: char) -> bool {
    matches!(c, '、' | '，' | ',' | '；' | ';')
}

/// Spaces of every width, tabs included.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// `text` without leading and trailing spaces of any width, as a sub-slice.
pub fn trim(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// The last `n` characters of `text`, as a sub-slice.
pub fn last_chars(text: &str, n: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 {
        return &text[text.len()..];
    }
    &text[start..]
}

/// The value of a Chinese numeral from 一 to 九十九 (also 〇/零 inside).
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|i| (i / 3) as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        ['〇'] => Some(0),
        [d] if *d != '十' => digit(*d),
        ['十'] => Some(10),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// A value from 1 to 99 written as a Chinese numeral (十二, 二十); other values in digits.
pub fn chinese_numeral(v: u32) -> String {
    if (1..=99).contains(&v) {
        chinese_numeral_upto_9999(v, false)
    } else {
        v.to_string()
    }
}

/// 1…9999 in Chinese numerals as Word counts (十一, 二十, 一百零五, 一百一十); `legal`: the
/// financial digits (壹拾贰).
pub fn chinese_numeral_upto_9999(n: u32, legal: bool) -> String {
    let (digits, units): ([char; 10], [&str; 4]) = if legal {
        (
            ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
            ["", "拾", "佰", "仟"],
        )
    } else {
        (
            ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
            ["", "十", "百", "千"],
        )
    };
    let places = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (k, &d) in places.iter().enumerate() {
        let unit = units[3 - k];
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        // 十一, not 一十一 (but 一百一十).
        if !(d == 1 && k == 2 && out.is_empty() && !legal) {
            out.push(digits[d as usize]);
        }
        out.push_str(unit);
    }
    out
}

/// Only what closes a paragraph stands in `rest` (spaces and 。；;.): what came before it, a
/// responsibility clause, ends its paragraph.
pub fn only_closing_punctuation(rest: &str) -> bool {
    rest.chars().all(|c| is_space(c) || "。；;.".contains(c))
}

pub fn is_chinese_numeral(c: char) -> bool {
    "零〇一二三四五六七八九十".contains(c)
}

/// The value of an Arabic digit, half- or full-width (`7`, `７`).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// The value of a Chinese digit as written in years (二〇二三): 〇, ○ (a circle often typed
/// for 〇), 零, 一 … 九.
pub fn year_digit_value(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|i| i as u32 + 1),
    }
}

/// The value of a run of Arabic digits of either width; None if empty or too long.
pub fn digits_value(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    let mut n = 0;
    for c in s.chars() {
        v = v.checked_mul(10)?.checked_add(digit_value(c)?)?;
        n += 1;
    }
    (n > 0).then_some(v)
}

/// The value of a circled number ① to ⑳.
pub fn circled_number(c: char) -> Option<u32> {
    let v = c as u32;
    (0x2460..=0x2473).contains(&v).then(|| v - 0x2460 + 1)
}

/// The colons a label is written with: full width, half width, and the ratio sign ∶ (U+2236) a
/// copy sometimes types for it (责任单位∶市财政局).
pub const COLONS: [char; 3] = ['：', ':', '∶'];

/// The text inside a bracket group (its first and last characters), None when the group is
/// shorter than its two brackets.
pub fn bracket_inner(group: &str) -> Option<&str> {
    let open = group.chars().next().map_or(0, char::len_utf8);
    let close = group.chars().next_back().map_or(0, char::len_utf8);
    group.get(open..group.len().checked_sub(close)?)
}

/// Where the one bracket a line leaves open at its end opens (`…依法查处。(责任单位:市网信办、市市`):
/// None when every bracket closes, or more than one is left open. A bracket typed twice
/// (`((责任单位:…`) is one left open: the inner one is where it opens.
pub fn open_at_end(line: &str) -> Option<usize> {
    let mut stack: Vec<usize> = Vec::new();
    for (i, c) in line.char_indices() {
        if is_open(c) {
            stack.push(i);
        } else if is_close(c) {
            stack.pop();
        }
    }
    let doubled = |w: &[usize]| {
        line[w[0]..]
            .chars()
            .next()
            .is_some_and(|c| w[0] + c.len_utf8() == w[1])
    };
    match stack.as_slice() {
        [only] => Some(*only),
        [a, b] if doubled(&[*a, *b]) => Some(*b),
        _ => None,
    }
}

/// Top-level bracket groups of a line, nesting-aware and tolerant of mixed widths:
/// `(A（B）C）` is one group. A bracket that is never closed (a copy's `印发(<…〉的通知》`)
/// encloses nothing: the groups after it are still groups. A closing bracket with no opener is
/// text.
pub fn bracket_groups(line: &str) -> Vec<Span> {
    let mut pairs = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, c) in line.char_indices() {
        if is_open(c) {
            stack.push(i);
        } else if is_close(c) {
            if let Some(start) = stack.pop() {
                pairs.push(Span::new(start, i + c.len_utf8()));
            }
        }
    }
    // Pairs nest or are disjoint; the outermost are those no earlier pair encloses.
    pairs.sort_by_key(|s| s.start);
    let mut out: Vec<Span> = Vec::new();
    for p in pairs {
        if out.last().is_none_or(|last| p.start >= last.end) {
            out.push(p);
        }
    }
    out
}

/// Splits `text` at separators that are not inside brackets; returns sub-slices. Angle marks
/// count as brackets here: a list is not split inside a nested title (〈…〉) nor inside a note a
/// copy writes in them (各区人民政府〈含开发区,长江新区,下同〉).
pub fn split_outside_brackets(text: &str, is_sep: impl Fn(char) -> bool) -> Vec<&str> {
    split_outside(
        text,
        |c| is_open(c) || c == '〈',
        |c| is_close(c) || c == '〉',
        is_sep,
    )
}

/// Splits `text` at separators outside brackets, quotes and titles (“…”, 《…》, 〈…〉): a clause
/// quoted from a document keeps `各县（市、区）` and `“一网通办、一窗受理”` whole.
pub fn split_outside_quotes(text: &str, is_sep: impl Fn(char) -> bool) -> Vec<&str> {
    split_outside(
        text,
        |c| is_open(c) || "〈《“‘「".contains(c),
        |c| is_close(c) || "〉》”’」".contains(c),
        is_sep,
    )
}

fn split_outside(
    text: &str,
    opens: impl Fn(char) -> bool,
    closes: impl Fn(char) -> bool,
    is_sep: impl Fn(char) -> bool,
) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && is_sep(c) {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out
}

/// The byte offset of the first position in `text` where one of `words` starts, longest word
/// first at equal positions: (offset, word).
pub fn find_any<'w>(text: &str, words: &[&'w str]) -> Option<(usize, &'w str)> {
    // One pass over the text, trying the words only where one can start (their first
    // characters), instead of one substring search per word.
    if words.iter().any(|w| w.is_empty()) {
        // The empty word is found at the start, where a longer word starting there wins.
        let w = words
            .iter()
            .filter(|w| text.starts_with(**w))
            .max_by_key(|w| w.len());
        return w.map(|w| (0, *w));
    }
    let mut firsts: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
    firsts.sort_unstable();
    firsts.dedup();
    for (i, c) in text.char_indices() {
        if firsts.binary_search(&c).is_err() {
            continue;
        }
        let rest = &text[i..];
        let mut best: Option<&'w str> = None;
        for w in words {
            if rest.starts_with(w) && best.is_none_or(|b| w.len() > b.len()) {
                best = Some(w);
            }
        }
        if let Some(w) = best {
            return Some((i, w));
        }
    }
    None
}

/// The longest of `words` that `text` starts with.
pub fn starts_with_any<'w>(text: &str, words: &[&'w str]) -> Option<&'w str> {
    words
        .iter()
        .filter(|w| text.starts_with(**w))
        .max_by_key(|w| w.len())
        .copied()
}

/// The text after the label that opens `text` (the longest of `labels`), white space and a
/// colon: `责任单位：A、B` gives `A、B`. None when no label opens it or no colon follows.
pub fn after_label<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    let w = starts_with_any(text, labels)?;
    text[w.len()..]
        .trim_start_matches(is_space)
        .strip_prefix(COLONS)
}

/// The longest of `words` that `text` ends with.
pub fn ends_with_any<'w>(text: &str, words: &[&'w str]) -> Option<&'w str> {
    words
        .iter()
        .filter(|w| text.ends_with(**w))
        .max_by_key(|w| w.len())
        .copied()
}

/// Length of a document number at the start of `s`: CJK{1,8} 〔YYYY〕 digits 号.
pub fn doc_number_len(s: &str) -> Option<usize> {
    let prefix: usize = s
        .chars()
        .take_while(|&c| crate::source::is_cjk(c))
        .map(char::len_utf8)
        .sum();
    if prefix == 0 || s[..prefix].chars().count() > 8 {
        return None;
    }
    let rest = &s[prefix..];
    let open = rest.chars().next().filter(|c| "〔[［（(".contains(*c))?;
    let rest = &rest[open.len_utf8()..];
    let year_len: usize = rest
        .chars()
        .take_while(|c| is_digit(*c))
        .map(char::len_utf8)
        .sum();
    if rest[..year_len].chars().count() != 4 {
        return None;
    }
    let rest = &rest[year_len..];
    let close = rest.chars().next().filter(|c| "〕]］）)".contains(*c))?;
    let rest = &rest[close.len_utf8()..];
    let num: usize = rest
        .chars()
        .take_while(|c| is_digit(*c))
        .map(char::len_utf8)
        .sum();
    if num == 0 || !rest[num..].starts_with('号') {
        return None;
    }
    Some(s.len() - rest.len() + num + '号'.len_utf8())
}

/// `附件`, `附件1`, `附件2：` alone on a line.
pub fn is_part_marker(text: &str, lex: &crate::data::Lexicon) -> bool {
    let t = trim(text);
    lex.outline.part_markers.iter().any(|m| {
        t.strip_prefix(m.as_str()).is_some_and(|rest| {
            let rest = rest.trim_end_matches(COLONS);
            rest.chars()
                .all(|c| is_digit(c) || is_chinese_numeral(c) || is_space(c))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers() {
        assert_eq!(
            doc_number_len("白府发〔2023〕40号"),
            Some("白府发〔2023〕40号".len())
        );
        assert_eq!(
            doc_number_len("中发〔2019〕17号）"),
            Some("中发〔2019〕17号".len())
        );
        assert_eq!(doc_number_len("2019年"), None);
    }

    #[test]
    fn chinese_numerals_written_back() {
        for v in 1..=99 {
            assert_eq!(chinese_number(&chinese_numeral(v)), Some(v));
        }
        assert_eq!(chinese_numeral(21), "二十一");
        assert_eq!(chinese_numeral(100), "100");
    }

    #[test]
    fn chinese_numbers() {
        for (s, v) in [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十五", 25),
            ("九十九", 99),
        ] {
            assert_eq!(chinese_number(s), Some(v), "{s}");
        }
        assert_eq!(chinese_number("十十"), None);
        assert_eq!(chinese_number(""), None);
    }

    #[test]
    fn bracket_groups_nest_and_mix_widths() {
        let line = "正文。[各乡镇政府（街道办事处）、市政府相关部门按职责分工负责]";
        let g = bracket_groups(line);
        assert_eq!(g.len(), 1);
        assert!(line[g[0].start..g[0].end].starts_with('['));
        assert!(line[g[0].start..g[0].end].ends_with(']'));
        let mixed = "（自治区食品药品安全委员会，各盟行政公署、市人民政府负责)";
        assert_eq!(bracket_groups(mixed), vec![Span::new(0, mixed.len())]);
        assert!(bracket_groups("（未闭合").is_empty());
        // An unseen county's measures (2026-12-06 batch, a47): a copy wrote 《 as (< and never
        // closed it; the citation's number and the closing clause are still groups.
        let copy = "按照《关于印发(<监管办法(试行)〉的通知》(保政办发〔2022〕5号)执行。(市住建局、市银监办负责)";
        let groups: Vec<&str> = bracket_groups(copy)
            .iter()
            .map(|g| &copy[g.start..g.end])
            .collect();
        assert_eq!(
            groups,
            vec![
                "(试行)",
                "(保政办发〔2022〕5号)",
                "(市住建局、市银监办负责)"
            ]
        );
    }

    #[test]
    fn splits_outside_brackets_only() {
        let parts = split_outside_brackets(
            "市规划建设局（市城乡、建设服务中心）、各乡镇",
            |c| c == '、',
        );
        assert_eq!(
            parts,
            vec!["市规划建设局（市城乡、建设服务中心）", "各乡镇"]
        );
    }
}

#[cfg(test)]
mod last_chars_tests {
    #[test]
    fn last_chars_is_a_char_boundary_slice() {
        assert_eq!(
            super::last_chars("原国家食品药品监管总局", 3),
            "监管总局".get(3..).unwrap()
        );
        assert_eq!(super::last_chars("食品", 6), "食品");
        assert_eq!(super::last_chars("食品", 0), "");
    }
}
