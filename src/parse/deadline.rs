//! Deadlines: 到2022年, 2022年底, 2020年10月底完成并长期坚持, 2023年4月初开始，常态化推进,
//! 每年12月初, 用2—3年时间, 长期坚持, 合理缺项.

use super::lex::is_space;
use crate::data::{longest_first, Lexicon};
use crate::model::{DatePoint, Deadline, When};
use crate::source::Span;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::combinator::{map, map_opt, opt, value};
use nom::{IResult, Parser};

fn ws(i: &str) -> IResult<&str, &str> {
    take_while(|c: char| c == ' ' || c == '\u{3000}').parse(i)
}

fn number(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, u32> {
    move |i| {
        map_opt(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            |d: &str| d.parse().ok(),
        )
        .parse(i)
    }
}

/// part := "上旬" | "中旬" | "下旬" | "初" | "中" | "底" | "末" | "份"
fn month_part(i: &str) -> IResult<&str, Option<u8>> {
    alt((
        value(Some(0), alt((tag("上旬"), tag("初")))),
        value(Some(1), alt((tag("中旬"), tag("中")))),
        value(Some(2), tag("下旬")),
        value(Some(3), alt((tag("底"), tag("末")))),
        value(None, tag("份")),
    ))
    .parse(i)
}

/// month := digit{1,2} ws "月" ws part?
fn month(i: &str) -> IResult<&str, (u32, Option<u8>)> {
    let (i, m) = number(1, 2)(i)?;
    let (i, _) = (ws, tag("月"), ws).parse(i)?;
    let (i, part) = opt(month_part).parse(i)?;
    if !(1..=12).contains(&m) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((i, (m, part.flatten())))
}

/// date := year ws "年" ws (month | "底" | "末" | "年底")?
pub fn date(i: &str) -> IResult<&str, DatePoint> {
    let (i, year) = number(4, 4)(i)?;
    let (i, _) = (ws, tag("年"), ws).parse(i)?;
    if !(1949..=2100).contains(&year) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let year = year as i32;
    let (i, rest) = opt(alt((
        map(month, |(m, p)| (Some(m), p)),
        value((None, Some(3)), alt((tag("年底"), tag("底"), tag("末")))),
    )))
    .parse(i)?;
    let (month, part) = rest.unwrap_or((None, None));
    Ok((i, DatePoint { year, month, part }))
}

/// range_end := ("—" | "-" | "－" | "至" | "到") ws (date | month)
fn range_end(year: i32) -> impl FnMut(&str) -> IResult<&str, DatePoint> {
    move |i| {
        let (i, _) = (
            ws,
            alt((
                tag("—"),
                tag("-"),
                tag("－"),
                tag("～"),
                tag("至"),
                tag("到"),
            )),
            ws,
        )
            .parse(i)?;
        alt((
            date,
            map(month, |(m, p)| DatePoint {
                year,
                month: Some(m),
                part: p,
            }),
        ))
        .parse(i)
    }
}

/// recurring := "每年" ws month
fn recurring(i: &str) -> IResult<&str, DatePoint> {
    let (i, _) = (tag("每年"), ws).parse(i)?;
    map(month, |(m, p)| DatePoint {
        year: 0,
        month: Some(m),
        part: p,
    })
    .parse(i)
}

/// duration := "用" ws digit ("—"|"-"|"－"|"～"|"至" digit)? ws "年" ("时间")?
fn duration(i: &str) -> IResult<&str, (u32, u32)> {
    let (i, _) = (tag("用"), ws).parse(i)?;
    let (i, a) = number(1, 2)(i)?;
    let (i, b) = opt(map(
        (
            ws,
            alt((
                tag("—"),
                tag("-"),
                tag("－"),
                tag("～"),
                tag("至"),
                tag("到"),
            )),
            ws,
            number(1, 2),
        ),
        |(_, _, _, b)| b,
    ))
    .parse(i)?;
    let (i, _) = (ws, tag("年"), opt(tag("时间"))).parse(i)?;
    Ok((i, (a, b.unwrap_or(a))))
}

/// What the words around a date say.
struct Words<'l> {
    ongoing: Vec<&'l str>,
    start: Vec<&'l str>,
    end: Vec<&'l str>,
    not_applicable: Vec<&'l str>,
}

impl<'l> Words<'l> {
    fn new(lex: &'l Lexicon) -> Words<'l> {
        Words {
            ongoing: longest_first(&lex.deadline.ongoing),
            start: longest_first(&lex.deadline.start_words),
            end: longest_first(&lex.deadline.end_words),
            not_applicable: longest_first(&lex.table.not_applicable),
        }
    }
}

/// Reads a deadline cell or a 时间安排 line as a whole. Unread text is kept as `leftover`
/// (its first stretch), so that `…长期坚持底` can be reported.
pub fn read_deadline(text: &str, base: usize, lex: &Lexicon) -> Deadline {
    let words = Words::new(lex);
    let mut when = When::default();
    let mut leftover: Option<Span> = None;
    let mut i = 0;
    let mut last_date: Option<DatePoint> = None;
    while i < text.len() {
        let rest = &text[i..];
        if let Ok((r, d)) = date(rest) {
            let (r, range) = match range_end(d.year)(r) {
                Ok((r2, e)) => (r2, Some(e)),
                Err(_) => (r, None),
            };
            let after = r.trim_start_matches(is_space);
            let starts = super::lex::starts_with_any(after, &words.start).is_some();
            match range {
                Some(e) => {
                    when.start.get_or_insert(d);
                    when.end = Some(e);
                }
                None if starts => {
                    when.start.get_or_insert(d);
                }
                None => when.end = Some(d),
            }
            last_date = Some(d);
            i += rest.len() - r.len();
            continue;
        }
        if let Ok((r, d)) = recurring(rest) {
            when.recurring = true;
            when.end = Some(d);
            i += rest.len() - r.len();
            continue;
        }
        if let Ok((r, d)) = duration(rest) {
            when.duration_years = Some(d);
            i += rest.len() - r.len();
            continue;
        }
        if let Some(w) = super::lex::starts_with_any(rest, &words.not_applicable) {
            when.not_applicable = true;
            i += w.len();
            continue;
        }
        if let Some(w) = super::lex::starts_with_any(rest, &words.ongoing) {
            when.ongoing = true;
            i += w.len();
            continue;
        }
        if let Some(w) = super::lex::starts_with_any(rest, &words.start)
            .or_else(|| super::lex::starts_with_any(rest, &words.end))
        {
            i += w.len();
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if !(is_space(c) || "，,；;。、并和及:：".contains(c)) {
            let span = Span::new(base + i, base + i + c.len_utf8());
            leftover = Some(match leftover {
                Some(l) if l.end == span.start => l.cover(span),
                Some(l) => l,
                None => span,
            });
        }
        i += c.len_utf8();
    }
    let _ = last_date;
    Deadline {
        span: Span::new(base, base + text.len()),
        text: text.to_string(),
        when,
        leftover,
        inherited_from: None,
    }
}

/// True when the leftover of a deadline is a stray date word (`底`, `初`, `前`…) that lost
/// its date, or the deadline says nothing readable at all.
pub fn is_malformed(d: &Deadline, text_of: impl Fn(Span) -> String) -> bool {
    if d.when.is_empty() {
        return !d.text.trim().is_empty();
    }
    match d.leftover {
        Some(l) => {
            let t = text_of(l);
            ["底", "末", "初", "前", "中旬", "上旬", "下旬", "月", "年"].contains(&t.as_str())
        }
        None => false,
    }
}

/// A date mentioned in running text, with its span: the year expressions that date work, not
/// those inside a document title (《2017年度…》) or number (〔2019〕).
pub fn find_dates(text: &str) -> Vec<(Span, DatePoint)> {
    find_dates_up_to(text, usize::MAX)
}

/// The first date of `text`, if any (stops scanning there).
pub fn first_date(text: &str) -> Option<(Span, DatePoint)> {
    find_dates_up_to(text, 1).first().copied()
}

fn find_dates_up_to(text: &str, limit: usize) -> Vec<(Span, DatePoint)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth_title = 0i32;
    let bytes = text.as_bytes();
    while i < text.len() {
        // Only digits and title marks matter: skip everything else byte by byte (a UTF-8
        // continuation byte is never a digit nor the lead byte E3 of 《 and 》).
        match bytes[i] {
            b'0'..=b'9' => {}
            0xE3 if bytes[i..].starts_with("《".as_bytes()) => {
                depth_title += 1;
                i += 3;
                continue;
            }
            0xE3 if bytes[i..].starts_with("》".as_bytes()) => {
                depth_title -= 1;
                i += 3;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        let prev = text[..i].chars().next_back();
        if c.is_ascii_digit()
            && depth_title <= 0
            && !prev.is_some_and(|p| p.is_ascii_digit() || "〔[（(".contains(p))
        {
            if let Ok((r, d)) = date(rest) {
                let len = rest.len() - r.len();
                let next = r.chars().next();
                // 2017年度 names a year's report; 第 an edition.
                if !matches!(next, Some('度') | Some('第') | Some('〕') | Some(']')) {
                    let (r2, end) = match range_end(d.year)(r) {
                        Ok((r2, e)) => (r2, e),
                        Err(_) => (r, d),
                    };
                    let len = if r2.len() < r.len() {
                        rest.len() - r2.len()
                    } else {
                        len
                    };
                    out.push((Span::new(i, i + len), end));
                    if out.len() >= limit {
                        break;
                    }
                    i += len;
                    continue;
                }
            }
        }
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::RuleData;

    fn dp(year: i32, month: Option<u32>, part: Option<u8>) -> DatePoint {
        DatePoint { year, month, part }
    }

    fn read(s: &str) -> Deadline {
        read_deadline(s, 0, &RuleData::builtin().lexicon)
    }

    #[test]
    fn end_dates() {
        assert_eq!(read("到2022年").when.end, Some(dp(2022, None, None)));
        assert_eq!(read("2022年底").when.end, Some(dp(2022, None, Some(3))));
        let d = read("2020年10月底完成并长期坚持");
        assert_eq!(d.when.end, Some(dp(2020, Some(10), Some(3))));
        assert!(d.when.ongoing);
        assert_eq!(d.leftover, None);
    }

    #[test]
    fn starts_ranges_and_periods() {
        let d = read("2023 年 4 月初开始, 常态化推进");
        assert_eq!(d.when.start, Some(dp(2023, Some(4), Some(0))));
        assert_eq!(d.when.end, None);
        assert!(d.when.ongoing);
        let r = read("常态化开展，2023年3月—12月重点推进");
        assert_eq!(r.when.start, Some(dp(2023, Some(3), None)));
        assert_eq!(r.when.end, Some(dp(2023, Some(12), None)));
        assert!(read("每年12月初").when.recurring);
        assert_eq!(read("用2—3年时间").when.duration_years, Some((2, 3)));
        assert_eq!(read("用2-3年时间").when.duration_years, Some((2, 3)));
        assert!(read("长期坚持").when.ongoing);
        assert!(read("合理缺项").when.not_applicable);
    }

    #[test]
    fn stray_date_word_is_malformed() {
        let s = "2020年10月完成并长期坚持底";
        let d = read(s);
        assert_eq!(d.leftover, Some(Span::new(s.len() - "底".len(), s.len())));
        assert!(is_malformed(&d, |sp| s[sp.start..sp.end].to_string()));
        let ok = "2020年7月底前出台相关方案";
        let d = read(ok);
        assert!(!is_malformed(&d, |sp| ok[sp.start..sp.end].to_string()));
    }

    #[test]
    fn dates_in_titles_and_numbers_are_skipped() {
        let t = "发布《自治区2017年度食品安全状况白皮书》。（中发〔2019〕17号）到2023年，达到";
        let found = find_dates(t);
        assert_eq!(found.len(), 1);
        assert_eq!(&t[found[0].0.start..found[0].0.end], "2023年");
    }
}
