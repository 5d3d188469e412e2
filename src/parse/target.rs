//! Targets: 不低于4批次/千人, 达到80%以上, 由15天压缩到12天以内, 提高2个百分点左右,
//! 每人每年至少2000元, 3人/万人, 2—3名.
//!
//! ```text
//! target     := comparator? ws number range? ws unit ws suffix?
//! number     := digit+ ("." digit+)?
//! range      := ("—" | "-" | "～" | "至") number
//! comparator := a word of rules/metrics.toml [[comparator]], ending right before the number
//! suffix     := a word of rules/metrics.toml [[suffix]]
//! ```
//! A number with neither comparator nor suffix counts only as a percentage, a rate unit
//! (x/千人) or a range; the `from` side of 由A压缩到B is not a target.

use super::lex::is_space;
use crate::data::{longest_first, Bound, Metrics};
use crate::model::{DatePoint, Target};
use crate::source::Span;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};

fn ws(i: &str) -> IResult<&str, &str> {
    take_while(|c: char| c == ' ' || c == '\u{3000}').parse(i)
}

/// number := digit+ ("." digit+)?
fn number(i: &str) -> IResult<&str, f64> {
    let (rest, s) = recognize((
        take_while1(|c: char| c.is_ascii_digit()),
        opt((tag("."), take_while1(|c: char| c.is_ascii_digit()))),
    ))
    .parse(i)?;
    match s.parse() {
        Ok(v) => Ok((rest, v)),
        Err(_) => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Float,
        ))),
    }
}

/// range := ws ("—" | "-" | "－" | "～" | "~" | "至") ws number
fn range(i: &str) -> IResult<&str, f64> {
    let (i, _) = (
        ws,
        alt((
            tag("—"),
            tag("-"),
            tag("－"),
            tag("～"),
            tag("~"),
            tag("至"),
        )),
        ws,
    )
        .parse(i)?;
    number(i)
}

/// Finds every target in `text` (a task or paragraph); `base` is its offset in the document.
/// The words target scanning tries, sorted longest first once per document.
pub struct Words<'d> {
    units: Vec<&'d str>,
    comparators: Vec<(&'d str, Bound)>,
    suffixes: Vec<(&'d str, Bound)>,
    terms: Vec<&'d str>,
    periodic: &'d [String],
}

impl<'d> Words<'d> {
    pub fn new(metrics: &'d Metrics, periodic: &'d [String]) -> Words<'d> {
        Words {
            units: longest_first(&metrics.units.known),
            comparators: sorted_words(&metrics.comparator),
            suffixes: sorted_words(&metrics.suffix),
            terms: longest_first(&metrics.metric.terms),
            periodic,
        }
    }
}

pub fn find_targets(text: &str, base: usize, words: &Words) -> Vec<Target> {
    let Words {
        units,
        comparators,
        suffixes,
        terms,
        periodic: periodic_words,
    } = words;
    // Dates are read only for lines that hold a target: most lines hold none.
    let mut dates: Option<Vec<(Span, DatePoint)>> = None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        // A target starts at a digit: jump to the next one (ASCII, so a char boundary).
        match text.as_bytes()[i..].iter().position(u8::is_ascii_digit) {
            Some(k) => i += k,
            None => break,
        }
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        let prev = text[..i].chars().next_back();
        if !c.is_ascii_digit()
            || prev.is_some_and(|p| p.is_ascii_digit() || p == '.' || p.is_ascii_alphabetic())
        {
            i += c.len_utf8();
            continue;
        }
        let Some((len, target)) = read_at(text, i, units, comparators, suffixes) else {
            i += c.len_utf8();
            continue;
        };
        let (value, value_max, unit, bound, start) = target;
        let subject = subject_before(text, start);
        let sentence_start = sentence_start(text, start);
        let sentence = &text[sentence_start..start];
        // Dates are in text order: the last one starting inside the sentence before the target.
        let dates = dates.get_or_insert_with(|| super::deadline::find_dates(text));
        let before = dates.partition_point(|(s, _)| s.start < start);
        let year = dates[..before]
            .last()
            .filter(|(s, _)| s.start >= sentence_start)
            .map(|(_, d)| *d);
        let periodic = periodic_words.iter().any(|w| sentence.contains(w.as_str()));
        let subject_text = &text[subject.start..subject.end];
        out.push(Target {
            span: Span::new(base + start, base + i + len),
            subject: subject.shift(base),
            metric: metric_of(subject_text, terms),
            value,
            value_max,
            unit: unit.to_string(),
            bound,
            year,
            periodic,
            task: None,
        });
        i += len;
    }
    out
}

type Read<'u> = (f64, Option<f64>, &'u str, Bound, usize);

/// Reads a target whose number starts at `i`. Returns its length from `i` and the target with
/// the offset where its comparator starts.
fn read_at<'u>(
    text: &str,
    i: usize,
    units: &[&'u str],
    comparators: &[(&str, Bound)],
    suffixes: &[(&str, Bound)],
) -> Option<(usize, Read<'u>)> {
    let rest = &text[i..];
    let (r, value) = number(rest).ok()?;
    let (r, value_max) = match range(r) {
        Ok((r2, m)) => (r2, Some(m)),
        Err(_) => (r, None),
    };
    let (r, _) = ws(r).ok()?;
    let unit = units.iter().find(|u| r.starts_with(**u)).copied()?;
    let r = &r[unit.len()..];
    // 2000元/批次 is a price, not a target; 4批次/千人 was matched whole above.
    if r.starts_with('/') || r.starts_with('／') {
        return None;
    }
    let (r2, _) = ws(r).ok()?;
    let suffix = suffixes.iter().find(|(w, _)| r2.starts_with(*w)).copied();
    let r = match suffix {
        Some((w, _)) => &r2[w.len()..],
        None => r,
    };
    let before = text[..i].trim_end_matches([' ', '\u{3000}']);
    let comparator = comparators
        .iter()
        .find(|(w, _)| before.ends_with(*w))
        .copied();
    // 由15天压缩到12天: the 15 is where it starts from.
    if before.ends_with('由') || before.ends_with('从') {
        return None;
    }
    let rate = unit.contains('/') || unit == "%" || unit == "％";
    if comparator.is_none() && suffix.is_none() && !rate && value_max.is_none() {
        return None;
    }
    let bound = match (comparator, suffix) {
        (_, Some((_, Bound::About))) => Bound::About,
        (Some((_, Bound::Increase)), _) => Bound::Increase,
        (Some((_, b)), _) => b,
        (None, Some((_, b))) => b,
        (None, None) => Bound::Exactly,
    };
    let start = comparator.map_or(i, |(w, _)| before.len() - w.len());
    let len = rest.len() - r.len();
    Some((len, (value, value_max, unit, bound, start)))
}

fn sorted_words(groups: &[crate::data::BoundWords]) -> Vec<(&str, Bound)> {
    let mut v: Vec<(&str, Bound)> = groups
        .iter()
        .flat_map(|g| g.words.iter().map(move |w| (w.as_str(), g.bound)))
        .collect();
    v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    v
}

/// The words before a target back to the nearest clause break: its subject.
fn subject_before(text: &str, end: usize) -> Span {
    // A subject is at most 90 bytes (30 characters): look no further back than that.
    let window = next_boundary(text, end.saturating_sub(90));
    let start = text[window..end]
        .char_indices()
        .rev()
        .find(|(_, c)| "，,。；;：:、（(）)\n\t".contains(*c))
        .map_or(window, |(i, c)| window + i + c.len_utf8());
    let s = &text[start..end];
    let trimmed = s.trim_start_matches(is_space).trim_end_matches(is_space);
    if trimmed.is_empty() {
        return Span::new(end, end);
    }
    Span::of(text, trimmed)
}

/// The start of the sentence holding `end`, looking back at most 1,500 bytes (500 characters)
/// so that a megabyte-long line without a full stop costs no more than a short one.
fn sentence_start(text: &str, end: usize) -> usize {
    let window = next_boundary(text, end.saturating_sub(1500));
    text[window..end]
        .char_indices()
        .rev()
        .find(|(_, c)| "。\n".contains(*c))
        .map_or(window, |(i, c)| window + i + c.len_utf8())
}

/// The nearest char boundary at or after `i` (never past the end).
fn next_boundary(text: &str, i: usize) -> usize {
    (i..=text.len())
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(text.len())
}

/// The measure a subject names: the longest lexicon term it contains, last occurrence first.
fn metric_of(subject: &str, terms: &[&str]) -> Option<String> {
    terms
        .iter()
        .filter_map(|t| subject.rfind(*t).map(|i| (i + t.len(), t.len(), *t)))
        .max_by_key(|&(end, len, _)| (end, len))
        .map(|(_, _, t)| t.to_string())
}

/// True when `a` promises less than `b` on the same measure.
pub fn is_weaker(a: &Target, b: &Target, metrics: &Metrics) -> bool {
    let lower_better = metrics.lower_is_stricter(&a.unit) || a.bound == Bound::AtMost;
    if a.bound == Bound::About
        && matches!(b.bound, Bound::AtLeast | Bound::AtMost)
        && a.value == b.value
    {
        return true;
    }
    if lower_better {
        a.value > b.value
    } else {
        a.value < b.value
    }
}

/// A date a target is tied to, for display.
pub fn year_text(y: &Option<DatePoint>) -> String {
    y.map(|d| d.display()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::RuleData;

    fn find(text: &str) -> Vec<(String, f64, String, Bound)> {
        let d = RuleData::builtin();
        find_targets(
            text,
            0,
            &Words::new(&d.metrics, &d.lexicon.deadline.periodic),
        )
        .into_iter()
        .map(|t| {
            (
                text[t.span.start..t.span.end].to_string(),
                t.value,
                t.unit,
                t.bound,
            )
        })
        .collect()
    }

    #[test]
    fn bounds_from_comparators_and_suffixes() {
        assert_eq!(
            find("样品抽样总量年度不低于4批次/千人。"),
            vec![(
                "不低于4批次/千人".into(),
                4.0,
                "批次/千人".into(),
                Bound::AtLeast
            )]
        );
        assert_eq!(
            find("屠宰率达到80%以上"),
            vec![("达到80%以上".into(), 80.0, "%".into(), Bound::AtLeast)]
        );
        assert_eq!(
            find("覆盖率提高2个百分点左右。"),
            vec![(
                "提高2个百分点左右".into(),
                2.0,
                "个百分点".into(),
                Bound::About
            )]
        );
        assert_eq!(
            find("实现食品经营许可时限由15天压缩到12天以内。"),
            vec![("压缩到12天以内".into(), 12.0, "天".into(), Bound::AtMost)]
        );
        assert_eq!(
            find("落实每人每年至少2000元的工作补贴"),
            vec![("至少2000元".into(), 2000.0, "元".into(), Bound::AtLeast)]
        );
        assert_eq!(
            find("比重达到3人/万人，"),
            vec![("达到3人/万人".into(), 3.0, "人/万人".into(), Bound::AtLeast)]
        );
        assert_eq!(
            find("配备2—3名，"),
            vec![("2—3名".into(), 2.0, "名".into(), Bound::Exactly)]
        );
        assert_eq!(
            find("热线接通率达到 90% 以上。"),
            vec![("达到 90% 以上".into(), 90.0, "%".into(), Bound::AtLeast)]
        );
    }

    #[test]
    fn quantities_that_are_not_targets() {
        for s in [
            "2000元/批次的标准",
            "5:5的比例",
            "常住人口人均15元的标准",
            "6 个方面",
            "12315投诉举报平台",
            "在100平米以上食品超市",
        ] {
            assert_eq!(find(s), vec![], "{s}");
        }
    }

    #[test]
    fn subject_year_and_metric() {
        let d = RuleData::builtin();
        let text = "到2023年，市级食品检验检测机构认定检验参数覆盖国家食品抽验细则检验项目90%以上；旗区级食品检验检测机构食品检验参数达300项以上。";
        let t = find_targets(
            text,
            0,
            &Words::new(&d.metrics, &d.lexicon.deadline.periodic),
        );
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].year.and_then(|y| y.year), Some(2023));
        assert_eq!(t[1].year.and_then(|y| y.year), Some(2023));
        let t = find_targets(
            "食品安全示范创建工作知晓率达到85%以上",
            0,
            &Words::new(&d.metrics, &d.lexicon.deadline.periodic),
        );
        assert_eq!(t[0].metric.as_deref(), Some("知晓率"));
        assert_eq!(
            &"食品安全示范创建工作知晓率达到85%以上"[t[0].subject.start..t[0].subject.end],
            "食品安全示范创建工作知晓率"
        );
    }
}
