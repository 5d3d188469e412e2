//! Outline numbers a copy ran into the middle of a line: `二、灵活缴存机制1.灵活就业人员…`,
//! `…自动封存。2.灵活就业人员有…`, `…市国资委]2.优化个人购房信贷政策`. They are not read as
//! headings (an enumeration inside a paragraph looks the same), but they tell the numbering
//! check that an item it misses is there.

use super::heading::{read_number, Quantity};
use super::lex::{is_chinese_numeral, is_digit, is_open};
use crate::model::{NumberStyle, Numbering};

/// Outline numbers (not a regulation's chapters or articles, but for an article after a
/// line's opening label) inside `line`, not at its start, that stand right after a sentence's
/// end, a closing bracket or a character of text, and are well formed.
pub fn numbers_in(line: &str, base: usize, q: &Quantity) -> Vec<Numbering> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    // The last character before a run of spaces: after a stop, a space may stand before the
    // number (…并通知单位。 3.在同一…).
    let mut before_space: Option<char> = None;
    for (i, c) in line.char_indices() {
        let after_text = prev.is_some_and(|p| {
            !is_digit(p) && !p.is_ascii_alphanumeric() && p != '第' && !p.is_whitespace()
        }) || (prev.is_some_and(char::is_whitespace)
            && before_space.is_some_and(|b| "。；;！？".contains(b)));
        if c.is_whitespace() {
            if prev.is_some_and(|p| !p.is_whitespace()) {
                before_space = prev;
            }
        } else {
            before_space = None;
        }
        prev = Some(c);
        let labelled =
            c == '第' && (after_label(&line[..i]) || heads_its_line(&line[..i], &line[i..]));
        if i == 0
            || !after_text
            || !(is_digit(c) || is_open(c) || chapter_at(&line[i..]) || labelled)
        {
            continue;
        }
        let Some((n, _)) = read_number(&line[i..], base + i, q) else {
            continue;
        };
        let outline = !matches!(
            n.style,
            NumberStyle::Part | NumberStyle::Division | NumberStyle::Article
        );
        // An article after a short label that opens the line (施行说明：第十九条 本措施自…, a
        // compiler's tag): the article is there. Elsewhere 第十九条 in a line is a reference.
        if (outline || (labelled && n.style == NumberStyle::Article))
            && !n.malformed
            && !n.mixed_brackets
            && n.span.start == base + i
        {
            out.push(n);
        }
    }
    out
}

/// A short label and its colon, all the line holds before a number (施行说明：).
fn after_label(before: &str) -> bool {
    let Some(label) = before.strip_suffix(['：', ':']) else {
        return false;
    };
    let n = label.chars().count();
    (2..=8).contains(&n) && label.chars().all(crate::source::is_cjk)
}

/// An article run into the end of a title line (`…人才住房保障实施细则(试行)第一条补助对象`: the
/// title's closing bracket, then the article and its short heading, nothing after): the article
/// is there. A reference in a sentence (按照本办法第一条规定执行。) runs on into it.
fn heads_its_line(before: &str, from: &str) -> bool {
    let Some(heading) = from
        .find('条')
        .map(|k| &from[k + '条'.len_utf8()..])
        .map(|h| h.trim_end_matches(|c: char| c.is_whitespace()))
    else {
        return false;
    };
    let n = heading.chars().count();
    before.ends_with(['）', ')'])
        && (2..=12).contains(&n)
        && heading.chars().all(crate::source::is_cjk)
}

/// Chinese numerals then 、 or a dot (二、, 六.): the numerals of ordinary words (统一, 进一步)
/// are not tried as numbers.
fn chapter_at(s: &str) -> bool {
    let rest = s.trim_start_matches(is_chinese_numeral);
    rest.len() < s.len() && rest.starts_with(['、', '.', '．'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(line: &str) -> Vec<(NumberStyle, u32)> {
        let data = crate::data::RuleData::builtin();
        numbers_in(line, 0, &Quantity::of(&data.lexicon))
            .into_iter()
            .map(|n| (n.style, n.value))
            .collect()
    }

    /// corpus-judged rk08 (泸州…人才住房保障实施细则): the first article run into the title line
    /// is there, so 第二条 on the next lines does not seem to start the numbering above 1; an
    /// article cited in a sentence after a bracket is no run-in article.
    #[test]
    fn an_article_run_into_the_title_line() {
        use NumberStyle::*;
        assert_eq!(
            values("泸州市“酒城创新人才聚集行动”人才住房保障实施细则(试行)第一条补助对象"),
            [(Article, 1)]
        );
        assert_eq!(values("按照《实施细则》(试行)第一条规定执行。"), []);
        assert_eq!(values("人才住房保障实施细则(试行)第一条"), []);
    }

    /// Lines of unseen housing measures (2026-12-06 batch) whose items a copy ran together.
    #[test]
    fn numbers_run_into_a_line() {
        use NumberStyle::*;
        assert_eq!(
            values("二、灵活缴存机制1.灵活就业人员根据近12个月实际月平均收入自主申报"),
            vec![(Item, 1)]
        );
        assert_eq!(
            values("1.灵活就业人员无未结清公积金贷款的，其账户将由系统自动封存。2.灵活就业人员有未结清公积金贷款"),
            vec![(Item, 2)]
        );
        assert_eq!(
            values("（二十四）加强监管。（责任单位：市住建局）（二十五）优化服务"),
            vec![(Section, 25)]
        );
        assert_eq!(
            values("…[责任单位:市国资委]2.优化个人购房信贷政策"),
            vec![(Item, 2)]
        );
        // A space after the stop (an unseen province's housing-fund rules, a12).
        assert_eq!(
            values("…并通知单位。 3.在同一住房公积金年度内"),
            vec![(Item, 3)]
        );
        assert_eq!(values("到 2025 年 3 月"), vec![]);
    }

    /// An unseen district's OPC measures (2026-12-06 batch, o08): a compiler's label before an
    /// article; an article named inside a sentence is a reference.
    #[test]
    fn an_article_after_a_line_s_label_but_not_a_reference() {
        use NumberStyle::*;
        assert_eq!(
            values("施行说明：第十九条 本措施自印发之日起施行，试行一年。"),
            vec![(Article, 19)]
        );
        assert_eq!(
            values("违反本办法第十九条 规定的，由区人工智能发展局责令改正。"),
            vec![]
        );
        assert_eq!(values("说明：根据《条例》第十九条 制定本措施"), vec![]);
    }

    #[test]
    fn figures_dates_and_references_are_no_numbers() {
        for line in [
            "首付比例提高1.5倍，近12个月缴存",
            "到2025年底，覆盖率达到90%",
            "依照本办法第三条规定执行",
            "每年3月、9月各开展一次",
        ] {
            assert_eq!(values(line), vec![], "{line}");
        }
    }
}
