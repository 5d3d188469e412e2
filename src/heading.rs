//! Outline numbers: 一、 > （一）/(一) > 1./1．/1、 > （1）/(1) > ①, half- and full-width mixed.

use super::lex::{
    chinese_number, circled_number, digits_value, is_chinese_numeral, is_close, is_digit,
    is_full_width, is_open,
};
use crate::model::{NumberStyle, Numbering};
use crate::source::Span;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{satisfy, space1};
use nom::combinator::{map, map_opt, not, opt, peek};
use nom::{IResult, Parser};

type Parsed = (NumberStyle, u32, bool, bool);

/// chapter := numeral+ "、"  |  "—、" (a dash typed for 一, malformed)
///          |  numeral+ ("." | "．") (a dot typed for 、, malformed: 六.开展…; taken as a heading
///             only where it follows the chapter before, see `body::fits_if_malformed`)
fn chapter(i: &str) -> IResult<&str, Parsed> {
    alt((
        map(
            (
                map_opt(take_while1(is_chinese_numeral), chinese_number),
                tag("、"),
            ),
            |(v, _)| (NumberStyle::Chapter, v, false, false),
        ),
        map(
            (
                map_opt(take_while1(is_chinese_numeral), chinese_number),
                alt((tag("."), tag("．"))),
                peek(satisfy(crate::source::is_cjk)),
            ),
            |(v, _, _)| (NumberStyle::Chapter, v, false, true),
        ),
        map(alt((tag("—、"), tag("－、"))), |_| {
            (NumberStyle::Chapter, 1, false, true)
        }),
    ))
    .parse(i)
}

/// article := "第" numeral+ ("章" | "编" | "节" | "条"), then a space or text: 第一章 总则,
/// 第十二条 市民政部门…, 第二章规划建设, 第十四条所申请的贷款…, 第五条A类人才…. Chapters run on
/// through a document, sections restart in each chapter, articles run on through chapters.
/// The text may open on a caption or a title (第四十二条【暂停网签】…, 第二十八条《…》自…施行).
/// Not a reference to an article: 第三条第二款, 第五条规定, 第五条所称, 第五条中的, 第五条的.
fn article(i: &str) -> IResult<&str, Parsed> {
    map(
        (
            tag("第"),
            map_opt(take_while1(is_chinese_numeral), chinese_number),
            alt((tag("章"), tag("编"), tag("节"), tag("条"))),
            not(peek(alt((
                tag("规定"),
                tag("所称"),
                tag("所列"),
                tag("中的"),
                tag("中规定"),
            )))),
            peek(satisfy(|c| {
                super::lex::is_space(c)
                    || c.is_ascii_alphabetic()
                    || (crate::source::is_cjk(c) && !"第款之的".contains(c))
                    || "【《“「".contains(c)
            })),
        ),
        |(_, v, kind, _, _)| {
            let style = match kind {
                "条" => NumberStyle::Article,
                "节" => NumberStyle::Division,
                _ => NumberStyle::Part,
            };
            (style, v, false, false)
        },
    )
    .parse(i)
}

/// section := open numeral+ close
///            |  open close   (the numeral lost in a copy: `()优化房地产领域行政审批` among
///                            `(二)`, `(三)`; malformed, its value taken from its place, see
///                            `Builder::push_heading`)
fn section(i: &str) -> IResult<&str, Parsed> {
    alt((
        map(
            (
                satisfy(is_open),
                map_opt(take_while1(is_chinese_numeral), chinese_number),
                satisfy(is_close),
            ),
            |(o, v, c)| {
                (
                    NumberStyle::Section,
                    v,
                    is_full_width(o) != is_full_width(c),
                    false,
                )
            },
        ),
        map(
            (
                satisfy(is_open),
                satisfy(is_close),
                peek(satisfy(crate::source::is_cjk)),
            ),
            |(o, c, _)| {
                (
                    NumberStyle::Section,
                    0,
                    is_full_width(o) != is_full_width(c),
                    true,
                )
            },
        ),
    ))
    .parse(i)
}

/// arabic := digit{1,3}, half- or full-width (1, １２)
fn arabic(i: &str) -> IResult<&str, u32> {
    map_opt(take_while_m_n(1, 3, is_digit), digits_value).parse(i)
}

/// arabic4 := digit{1,6}: an item number with its dot may run past 999 (a task list of a
/// thousand rows, or numbered by section: 10003.); without the dot four digits are a year.
fn arabic4(i: &str) -> IResult<&str, u32> {
    map_opt(take_while_m_n(1, 6, is_digit), digits_value).parse(i)
}

/// bracketed := digit{1,3} | digit{4} not a year: （1003） numbers a long list, （2023） is a year.
fn bracketed(i: &str) -> IResult<&str, u32> {
    alt((
        map_opt(take_while_m_n(4, 4, is_digit), |d: &str| {
            digits_value(d).filter(|v| !(1900..=2100).contains(v))
        }),
        arabic,
    ))
    .parse(i)
}

/// What may follow an item number: text, not a date, amount or decimal (rules/lexicon.toml
/// `[outline] quantity_after_dot`).
fn item_text_start<'i>(i: &'i str, q: &Quantity) -> IResult<&'i str, char> {
    satisfy(|c| !is_digit(c) && !q.after_dot.contains(c)).parse(i)
}

/// item := digit{1,6} ("." | "．" | "、") (space+ | !digit | digit{4} "年")
///       |  digit{1,3} CJK (dot missing, malformed)
///
/// After a space any text may follow (`5. 100周岁及以上的`): a decimal has no space.
fn item<'i>(i: &'i str, q: &Quantity) -> IResult<&'i str, Parsed> {
    alt((
        map(
            (
                arabic4,
                alt((tag("."), tag("．"), tag("、"))),
                alt((
                    map(
                        (space1, peek(satisfy(|c| !super::lex::is_space(c)))),
                        |_| (),
                    ),
                    map(peek(|i| item_text_start(i, q)), |_| ()),
                    // 23.2023年4月1日以后…: the item's text opens on a year.
                    map(peek((take_while_m_n(4, 4, is_digit), tag("年"))), |_| ()),
                )),
            ),
            |(v, _, _)| (NumberStyle::Item, v, false, false),
        ),
        map(
            (
                arabic,
                peek(satisfy(crate::source::is_cjk)),
                // A character that makes a bare number a quantity (2018年, 5个, 36大项).
                peek(not(satisfy(|c| q.after_number.contains(c)))),
            ),
            |(v, _, _)| (NumberStyle::Item, v, false, true),
        ),
    ))
    .parse(i)
}

/// The characters that make a number a quantity rather than an item number.
pub struct Quantity<'a> {
    pub after_dot: &'a str,
    pub after_number: &'a str,
}

impl<'a> Quantity<'a> {
    pub fn of(lex: &'a crate::data::Lexicon) -> Quantity<'a> {
        Quantity {
            after_dot: &lex.outline.quantity_after_dot,
            after_number: &lex.outline.quantity_after_number,
        }
    }
}

/// subitem := open bracketed close
fn subitem(i: &str) -> IResult<&str, Parsed> {
    map(
        (satisfy(is_open), bracketed, satisfy(is_close)),
        |(o, v, c)| {
            (
                NumberStyle::SubItem,
                v,
                is_full_width(o) != is_full_width(c),
                false,
            )
        },
    )
    .parse(i)
}

/// circled := ① … ⑳
fn circled(i: &str) -> IResult<&str, Parsed> {
    map(
        map_opt(satisfy(|c| circled_number(c).is_some()), circled_number),
        |v| (NumberStyle::Circled, v, false, false),
    )
    .parse(i)
}

/// enclosed := ⑴ … ⒇ | ㈠ … ㈩: a bracketed number written as one character (Word's outline
/// numbering and some fonts write （1） and （一） so), read as the bracketed form.
fn enclosed(i: &str) -> IResult<&str, Parsed> {
    map_opt(satisfy(|c| enclosed_number(c).is_some()), |c| {
        enclosed_number(c).map(|(style, v)| (style, v, false, false))
    })
    .parse(i)
}

fn enclosed_number(c: char) -> Option<(NumberStyle, u32)> {
    let v = c as u32;
    match v {
        0x2474..=0x2487 => Some((NumberStyle::SubItem, v - 0x2474 + 1)),
        0x3220..=0x3229 => Some((NumberStyle::Section, v - 0x3220 + 1)),
        _ => None,
    }
}

/// half_bracketed := digit{1,3} (")" | "）") CJK: a sub-item written with its closing bracket
/// only (1)加强…), the bracketed form's level.
fn half_bracketed(i: &str) -> IResult<&str, Parsed> {
    map(
        (
            arabic,
            satisfy(|c| c == ')' || c == '）'),
            peek(satisfy(crate::source::is_cjk)),
        ),
        |(v, _, _)| (NumberStyle::SubItem, v, false, false),
    )
    .parse(i)
}

/// heading_number := article | chapter | section | item | subitem | circled | enclosed
///                 | half_bracketed, followed by optional spaces
fn heading_number<'a>(i: &'a str, q: &Quantity) -> IResult<&'a str, Parsed> {
    let (rest, p) = alt((
        article,
        chapter,
        section,
        |i| item(i, q),
        subitem,
        circled,
        enclosed,
        half_bracketed,
    ))
    .parse(i)?;
    let (rest, _) = opt(take_while1(super::lex::is_space)).parse(rest)?;
    Ok((rest, p))
}

/// Reads a heading number at the start of `text` (after leading spaces). `base` is the byte
/// offset of `text` in the document. Returns the numbering and the offset where the title starts.
pub fn read_number(text: &str, base: usize, q: &Quantity) -> Option<(Numbering, usize)> {
    let lead = text.len() - text.trim_start_matches(super::lex::is_space).len();
    let body = &text[lead..];
    let (rest, (style, value, mixed, malformed)) = heading_number(body, q).ok()?;
    let consumed = body.len() - rest.len();
    let number = body[..consumed].trim_end_matches(super::lex::is_space);
    if rest.trim_matches(super::lex::is_space).is_empty()
        && !matches!(style, NumberStyle::Chapter | NumberStyle::Part)
    {
        // A bare number on a line of its own is a table cell or page number, not a heading.
        return None;
    }
    Some((
        Numbering {
            style,
            value,
            span: Span::new(base + lead, base + lead + number.len()),
            mixed_brackets: mixed,
            malformed,
        },
        base + lead + consumed,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(NumberStyle, u32, bool, bool, &str)> {
        let data = crate::data::RuleData::builtin();
        read_number(s, 0, &Quantity::of(&data.lexicon))
            .map(|(n, t)| (n.style, n.value, n.mixed_brackets, n.malformed, &s[t..]))
    }

    #[test]
    fn reads_every_style() {
        use NumberStyle::*;
        assert_eq!(
            read("一、深入开展"),
            Some((Chapter, 1, false, false, "深入开展"))
        );
        assert_eq!(
            read("十一、加强组织保障"),
            Some((Chapter, 11, false, false, "加强组织保障"))
        );
        assert_eq!(
            read("（二十五）建立"),
            Some((Section, 25, false, false, "建立"))
        );
        assert_eq!(
            read("(一)各有关单位"),
            Some((Section, 1, false, false, "各有关单位"))
        );
        assert_eq!(
            read("(二）加强源头严防"),
            Some((Section, 2, true, false, "加强源头严防"))
        );
        assert_eq!(
            read("1.积极参与"),
            Some((Item, 1, false, false, "积极参与"))
        );
        assert_eq!(
            read("1. 创建培训。"),
            Some((Item, 1, false, false, "创建培训。"))
        );
        assert_eq!(read("3．严把"), Some((Item, 3, false, false, "严把")));
        assert_eq!(read("1003.加强"), Some((Item, 1003, false, false, "加强")));
        // Issue 21: five digits and a bracketed long number are item numbers too (10003 merged
        // into 10004 and took its lead); a bracketed year is no number.
        assert_eq!(
            read("10003.加强宣传"),
            Some((Item, 10003, false, false, "加强宣传"))
        );
        assert_eq!(
            read("（1003）加强宣传"),
            Some((SubItem, 1003, false, false, "加强宣传"))
        );
        assert_eq!(read("（2023）加强宣传"), None);
        assert_eq!(read("2023.5亿元"), None);
        assert_eq!(
            read("23.2023年4月1日以后"),
            Some((Item, 23, false, false, "2023年4月1日以后"))
        );
        assert_eq!(
            read("5. 100周岁及以上的；"),
            Some((Item, 5, false, false, "100周岁及以上的；"))
        );
        assert_eq!(read("（1）落实"), Some((SubItem, 1, false, false, "落实")));
        assert_eq!(read("②加强"), Some((Circled, 2, false, false, "加强")));
        // Issue 21: bracketed numbers in one character, and a closing bracket alone.
        assert_eq!(read("⑶加强"), Some((SubItem, 3, false, false, "加强")));
        assert_eq!(read("⒇加强"), Some((SubItem, 20, false, false, "加强")));
        assert_eq!(read("㈡加强"), Some((Section, 2, false, false, "加强")));
        assert_eq!(read("2)加强"), Some((SubItem, 2, false, false, "加强")));
        assert_eq!(read("12）加强"), Some((SubItem, 12, false, false, "加强")));
        assert_eq!(read("2)"), None);
        assert_eq!(
            read("第三章 工作职责"),
            Some((Part, 3, false, false, "工作职责"))
        );
        assert_eq!(
            read("第二节　监测"),
            Some((Division, 2, false, false, "监测"))
        );
        assert_eq!(
            read("第二十八条 市民政部门负责"),
            Some((Article, 28, false, false, "市民政部门负责"))
        );
        assert_eq!(read("第四条为了"), Some((Article, 4, false, false, "为了")));
        // Text run on after the number, as unseen housing rules print it.
        assert_eq!(
            read("第十四条所申请的贷款期限不得超过30年"),
            Some((Article, 14, false, false, "所申请的贷款期限不得超过30年"))
        );
        assert_eq!(
            read("第二章规划建设"),
            Some((Part, 2, false, false, "规划建设"))
        );
        assert_eq!(
            read("第十条项目用款计划"),
            Some((Article, 10, false, false, "项目用款计划"))
        );
        assert_eq!(
            read("第二十六条中心应当"),
            Some((Article, 26, false, false, "中心应当"))
        );
        assert_eq!(
            read("第十条A类人才"),
            Some((Article, 10, false, false, "A类人才"))
        );
        // A caption or a cited title first (unseen housing rules, 2026-12-06 batch).
        assert_eq!(
            read("第四十二条【暂停网签】预售主管部门应当"),
            Some((Article, 42, false, false, "【暂停网签】预售主管部门应当"))
        );
        assert_eq!(
            read("第二十八条《韶关市人民政府办公室关于印发"),
            Some((Article, 28, false, false, "《韶关市人民政府办公室关于印发"))
        );
        assert_eq!(
            read("—、强化标准实施"),
            Some((Chapter, 1, false, true, "强化标准实施"))
        );
        assert_eq!(
            read("36县级市场监管部门"),
            Some((Item, 36, false, true, "县级市场监管部门"))
        );
    }

    #[test]
    fn quantities_and_dates_are_not_headings() {
        for s in [
            "2018年是贯彻",
            "2020年10月底完成",
            "5 个方面",
            "1. ",
            "2023.12.31前完成",
            "2023年底前",
            "1.3元",
            "36大项",
            "12315投诉",
            "(代拟稿)",
            "（负责常务工作）",
            "第一批试点",
            "第三条第二款规定",
            "第五条规定的情形",
            "第五条所称",
            "第八条的规定",
            "第八条中的情形",
        ] {
            assert_eq!(read(s), None, "{s}");
        }
    }

    #[test]
    fn span_covers_the_number_only() {
        let data = crate::data::RuleData::builtin();
        let (n, title) = read_number("　（三）强化", 10, &Quantity::of(&data.lexicon)).unwrap();
        assert_eq!(n.span, Span::new(13, 13 + "（三）".len()));
        assert_eq!(title, 13 + "（三）".len());
    }
}
