//! Targets: 不低于4批次/千人, 达到80%以上, 由15天压缩到12天以内, 提高2个百分点左右,
//! 每人每年至少2000元, 3人/万人, 2—3名, 约100个, 分别达到30%、20%, １００％.
//!
//! ```text
//! target     := comparator? ws number range? ws unit ws suffix?
//! number     := digit+ (("." | "．") digit+)?           (half- or full-width digits)
//! range      := ("—" | "-" | "－" | "～" | "~" | "至") number
//! comparator := a word of rules/metrics.toml [[comparator]], ending right before the number
//! suffix     := a word of rules/metrics.toml [[suffix]]
//! list       := target (joiner number ws unit)*          分别达到65%和55%: one target each,
//!                                                        sharing the first's comparator
//! ```
//! A number with neither comparator nor suffix counts only as a percentage, a rate unit
//! (x/千人) or a range; the `from` side of 由A压缩到B is not a target, nor a number inside a
//! title 《…》, nor a threshold of eligibility (…达到15%的，可申请…). What the parser cannot
//! know alone — whether the sentence reports the past — is marked by [`mark_status`].

use super::lex::{digit_value, is_digit, is_space};
use crate::data::{longest_first, Bound, Metrics};
use crate::model::{DatePoint, Target};
use crate::source::Span;

/// The words target scanning tries, sorted longest first once per document.
pub struct Words<'d> {
    units: Vec<&'d str>,
    comparators: Vec<(&'d str, Bound, bool)>,
    suffixes: Vec<(&'d str, Bound, bool)>,
    terms: Vec<&'d str>,
    periodic: &'d [String],
    from: Vec<&'d str>,
    joiners: Vec<&'d str>,
    respectively: Vec<&'d str>,
    eligibility: Vec<&'d str>,
    eligibility_verbs: Vec<&'d str>,
    /// Comparators that promise a count (建成) or allow a ceiling (最高).
    promise: Vec<&'d str>,
    allowance: Vec<&'d str>,
    allowance_before: Vec<&'d str>,
    condition_openers: Vec<&'d str>,
    reward_words: Vec<&'d str>,
    case_words: Vec<&'d str>,
    case_openers: Vec<&'d str>,
    standing_after: Vec<&'d str>,
    standing_before: Vec<&'d str>,
    /// Units of money (元, 万元…).
    money: Vec<&'d str>,
    class_units: &'d [String],
    bare_units: &'d [String],
    /// 百分之 and the unit it stands for (%).
    fractions: Vec<(&'d str, &'d str)>,
}

impl<'d> Words<'d> {
    pub fn new(metrics: &'d Metrics, periodic: &'d [String]) -> Words<'d> {
        Words {
            units: longest_first(&metrics.units.known),
            comparators: sorted_words(&metrics.comparator),
            suffixes: sorted_words(&metrics.suffix),
            terms: longest_first(&metrics.metric.terms),
            class_units: &metrics.units.class_units,
            bare_units: &metrics.units.bare_units,
            fractions: metrics
                .units
                .fraction_words
                .iter()
                .map(|(w, u)| (w.as_str(), u.as_str()))
                .collect(),
            periodic,
            from: longest_first(&metrics.target.from_words),
            joiners: longest_first(&metrics.target.list_joiners),
            respectively: longest_first(&metrics.target.respectively),
            eligibility: longest_first(&metrics.target.eligibility),
            eligibility_verbs: longest_first(&metrics.target.eligibility_verbs),
            promise: flagged_words(&metrics.comparator, |g| g.promise),
            allowance: flagged_words(&metrics.comparator, |g| g.allowance),
            allowance_before: longest_first(&metrics.target.allowance_before),
            condition_openers: longest_first(&metrics.target.condition_openers),
            reward_words: longest_first(&metrics.target.reward_words),
            case_words: longest_first(&metrics.target.case_words),
            case_openers: longest_first(&metrics.target.case_openers),
            standing_after: longest_first(&metrics.target.standing_after),
            standing_before: longest_first(&metrics.target.standing_before),
            money: longest_first(&metrics.target.cap_units),
        }
    }
}

/// The words of the comparator groups with a flag set.
fn flagged_words(
    groups: &[crate::data::BoundWords],
    flag: impl Fn(&crate::data::BoundWords) -> bool,
) -> Vec<&str> {
    groups
        .iter()
        .filter(|g| flag(g))
        .flat_map(|g| g.words.iter().map(String::as_str))
        .collect()
}

/// A number of either width, or in Chinese numerals: its value and its length in bytes.
fn number(s: &str) -> Option<(f64, usize)> {
    if s.starts_with(is_quantity_numeral) {
        return chinese_quantity(s);
    }
    arabic_number(s)
}

/// fraction := word (arabic | chinese (点 digit+)?)     百分之二十, 百分之九十五点五, 百分之30
///
/// A fraction written in words (`words.fractions`): its value, its length in bytes with the
/// word, and the unit the word stands for. Any Chinese numeral counts after the word (百分之八).
fn fraction<'u>(s: &str, words: &Words<'u>) -> Option<(f64, usize, &'u str)> {
    let &(word, unit) = words.fractions.iter().find(|(w, _)| s.starts_with(*w))?;
    let rest = &s[word.len()..];
    let (value, n) = if rest.starts_with(is_quantity_numeral) {
        chinese_decimal(rest)?
    } else {
        arabic_number(rest)?
    };
    Some((value, word.len() + n, unit))
}

/// amount := fraction | number: its value, its length in bytes, and the unit a fraction's word
/// stands for.
fn amount<'u>(s: &str, words: &Words<'u>) -> Option<(f64, usize, Option<&'u str>)> {
    match fraction(s, words) {
        Some((v, n, unit)) => Some((v, n, Some(unit))),
        None => number(s).map(|(v, n)| (v, n, None)),
    }
}

/// A Chinese numeral of any value, with a decimal part after 点 (九十五点五 = 95.5): its value
/// and length in bytes.
fn chinese_decimal(s: &str) -> Option<(f64, usize)> {
    let len = chinese_numeral_len(s);
    if len == 0 {
        return None;
    }
    let mut value = chinese_value(&s[..len]) as f64;
    let mut n = len;
    if let Some(after) = s[len..].strip_prefix('点') {
        let mut scale = 0.1;
        let mut frac_len = 0;
        // 两 counts, not names, a digit: 点两 is no decimal.
        for (c, d) in after
            .chars()
            .map_while(|c| chinese_digit(c).filter(|_| c != '两').map(|d| (c, d)))
        {
            value += d as f64 * scale;
            scale /= 10.0;
            frac_len += c.len_utf8();
        }
        if frac_len > 0 {
            n += '点'.len_utf8() + frac_len;
        }
    }
    Some((value, n))
}

/// The characters of a Chinese numeral that can open a quantity (零 and 〇 cannot).
fn is_quantity_numeral(c: char) -> bool {
    "一二两三四五六七八九十百千万亿".contains(c)
}

/// chinese := (digit? (十|百|千))* digit? ((万|亿) chinese)?, as 五万, 十万, 百, 千, 三千五百
///
/// Only a numeral with a place word (十百千万亿) and a value of ten or more is read: 三个, 两项,
/// 一批 are words of the text.
fn chinese_quantity(s: &str) -> Option<(f64, usize)> {
    let len = chinese_numeral_len(s);
    let numeral = &s[..len];
    let value = chinese_value(numeral);
    (numeral.contains(['十', '百', '千', '万', '亿']) && value >= 10).then_some((value as f64, len))
}

/// The length in bytes of the Chinese numeral `s` opens with (digits, place words, 零, 〇).
fn chinese_numeral_len(s: &str) -> usize {
    s.chars()
        .take_while(|&c| is_quantity_numeral(c) || c == '零' || c == '〇')
        .map(char::len_utf8)
        .sum()
}

/// The value of a Chinese digit (零 and 〇 are 0, 两 is 2).
fn chinese_digit(c: char) -> Option<u64> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u64)
        .or((c == '两' || c == '〇').then_some(if c == '两' { 2 } else { 0 }))
}

/// The value of a Chinese numeral of digits and place words (三千五百 = 3500, 五万 = 50000).
fn chinese_value(numeral: &str) -> u64 {
    let (mut total, mut section, mut pending) = (0u64, 0u64, 0u64);
    for c in numeral.chars() {
        if let Some(d) = chinese_digit(c) {
            pending = d;
            continue;
        }
        let place = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            _ => 100_000_000,
        };
        if place < 10_000 {
            section += pending.max(1) * place;
        } else {
            total = (total + section + pending).max(1) * place;
            section = 0;
        }
        pending = 0;
    }
    total + section + pending
}

/// A number of either width: its value and its length in bytes.
fn arabic_number(s: &str) -> Option<(f64, usize)> {
    let mut int = String::new();
    let mut len = 0;
    let mut chars = s.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        match digit_value(c) {
            Some(d) => {
                int.push(char::from_digit(d, 10)?);
                len = i + c.len_utf8();
                chars.next();
            }
            None => break,
        }
    }
    if int.is_empty() {
        return None;
    }
    // A decimal part: a point (either width) followed by a digit.
    let rest = &s[len..];
    if let Some(p) = rest.chars().next().filter(|c| *c == '.' || *c == '．') {
        let after = &rest[p.len_utf8()..];
        let frac: String = after
            .chars()
            .map_while(|c| digit_value(c).and_then(|d| char::from_digit(d, 10)))
            .collect();
        if !frac.is_empty() {
            let frac_len: usize = after.chars().take(frac.len()).map(char::len_utf8).sum();
            let v: f64 = format!("{int}.{frac}").parse().ok()?;
            return Some((v, len + p.len_utf8() + frac_len));
        }
    }
    Some((int.parse().ok()?, len))
}

fn ws_len(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\u{3000}']).len()
}

/// range := ws dash ws (fraction | number)
fn range(s: &str, words: &Words) -> Option<(f64, usize)> {
    let w = ws_len(s);
    let r = &s[w..];
    let dash = ["—", "－", "-", "～", "~", "至", "到"]
        .iter()
        .find(|d| r.starts_with(**d))?;
    let r2 = &r[dash.len()..];
    let w2 = ws_len(r2);
    // 百分之二十至百分之三十: the second share is written in words too.
    let (v, n, _) = amount(&r2[w2..], words)?;
    Some((v, w + dash.len() + w2 + n))
}

/// Finds every target in `text` (a paragraph or cell); `base` is its offset in the document.
pub fn find_targets(text: &str, base: usize, words: &Words) -> Vec<Target> {
    // Dates are read only for text that holds a target: most paragraphs hold none.
    let mut dates: Option<Vec<(Span, DatePoint)>> = None;
    let mut out: Vec<Target> = Vec::new();
    let mut title_depth = 0i32;
    let mut last_title_scan = 0;
    let mut i = 0;
    while i < text.len() {
        // A target starts at a digit of either width.
        let Some((k, c)) = text[i..]
            .char_indices()
            .find(|&(_, c)| is_digit(c) || is_quantity_numeral(c))
        else {
            break;
        };
        i += k;
        // Titles 《…》 between the last scan and here.
        for ch in text[last_title_scan..i].chars() {
            match ch {
                '《' => title_depth += 1,
                '》' => title_depth -= 1,
                _ => {}
            }
        }
        last_title_scan = i;
        let prev = text[..i].chars().next_back();
        // A numeral inside a word or an ordinal (第十, 十四五) is no quantity.
        let chinese = is_quantity_numeral(c);
        if title_depth > 0
            || prev.is_some_and(|p| is_digit(p) || p == '.' || p == '．' || p.is_ascii_alphabetic())
            || (chinese && prev.is_some_and(|p| is_quantity_numeral(p) || p == '第' || p == '零'))
        {
            i += c.len_utf8();
            continue;
        }
        let previous = out.last().map(|t| (t, t.span.end - base));
        let Some(read) = read_at(text, i, words, previous) else {
            i += c.len_utf8();
            continue;
        };
        let subject = match read.inherits {
            // 分别达到65%和55%: the list shares the first target's subject.
            Some(t) => Span::new(t.subject.start - base, t.subject.end - base),
            // 培育10个具有引领效应的OPC社区: what a promised count counts follows it; so does
            // what a sum of money allowed goes to (给予最高100万元研发资助).
            None if read.promised || (read.allowance && words.money.contains(&read.unit)) => {
                let from = i + read.len;
                let to = text[from..clause_end(text, from)]
                    .find(['，', ','])
                    .map_or(clause_end(text, from), |k| from + k);
                Span::new(from, to)
            }
            None => subject_before(text, read.start),
        };
        let sentence_start = sentence_start(text, read.start);
        let sentence = &text[sentence_start..read.start];
        let clause_end = clause_end(text, i + read.len);
        if is_condition(&text[i + read.len..clause_end], words) {
            i += read.len;
            continue;
        }
        // Dates are in text order: the last one starting inside the sentence before the target.
        let dates = dates.get_or_insert_with(|| super::deadline::find_dates(text));
        let before = dates.partition_point(|(s, _)| s.start < read.start);
        let year = dates[..before]
            .last()
            .filter(|(s, _)| s.start >= sentence_start)
            .map(|(_, d)| *d);
        let threshold = read.bound == Bound::AtLeast && !read.promised && !read.allowance;
        if year.is_none() && threshold && qualifies_for(text, read.start, i + read.len, words) {
            i += read.len;
            continue;
        }
        let periodic = words.periodic.iter().any(|w| sentence.contains(w.as_str()));
        let subject_text = &text[subject.start..subject.end];
        let respectively = match read.inherits {
            Some(t) => Some(t.respectively.unwrap_or(0) + 1),
            None => words
                .respectively
                .iter()
                // A promised count's subject follows it: nothing stands between.
                .any(|w| {
                    text.get(subject.end..read.start)
                        .is_some_and(|t| t.contains(*w))
                        || subject_text.ends_with(*w)
                })
                .then_some(0),
        };
        if let (Some(_), Some(prev)) = (read.inherits, out.last_mut()) {
            prev.respectively.get_or_insert(0);
        }
        out.push(Target {
            span: Span::new(base + read.start, base + i + read.len),
            subject: subject.shift(base),
            metric: metric_of(subject_text, &words.terms),
            value: read.value,
            value_max: read.value_max,
            unit: read.unit.to_string(),
            bound: read.bound,
            change: read.change,
            year,
            periodic,
            respectively,
            status: false,
            promised: read.promised,
            allowance: read.allowance,
            tiered: names_a_case(sentence, words),
            standing: is_standing(text, i + read.len, sentence, words),
            task: None,
        });
        i += read.len;
    }
    out
}

/// What a listed target takes from the one before it.
#[derive(Clone, Copy)]
struct Inherit {
    subject: Span,
    bound: Bound,
    change: bool,
    respectively: Option<u8>,
}

struct Read<'u> {
    len: usize,
    start: usize,
    value: f64,
    value_max: Option<f64>,
    unit: &'u str,
    bound: Bound,
    change: bool,
    /// The target of the same list this one continues (…达到65%和55%).
    inherits: Option<Inherit>,
    promised: bool,
    allowance: bool,
}

/// Reads a target whose number starts at `i`: its length from `i` and its parts, with the
/// offset where its comparator starts. `previous` is the target found before it, which a list
/// continues.
fn read_at<'u>(
    text: &str,
    i: usize,
    words: &Words<'u>,
    previous: Option<(&Target, usize)>,
) -> Option<Read<'u>> {
    let rest = &text[i..];
    let (mut value, mut n, fraction_unit) = amount(rest, words)?;
    // 五万元 is 五 of the unit 万元, as 5万元 is.
    if let Some(last) = rest[..n]
        .chars()
        .next_back()
        .filter(|c| matches!(c, '万' | '亿'))
    {
        let k = n - last.len_utf8();
        let unit_opens = words
            .units
            .iter()
            .any(|u| u.starts_with(last) && rest[k..].starts_with(u));
        if k > 0 && rest.starts_with(is_quantity_numeral) && unit_opens {
            value = chinese_value(&rest[..k]) as f64;
            n = k;
        }
    }
    let value_max = range(&rest[n..], words).map(|(v, k)| {
        n += k;
        v
    });
    n += ws_len(&rest[n..]);
    let r = &rest[n..];
    // 百分之二十: the word before the number is its unit.
    let (unit, r) = match fraction_unit {
        Some(unit) => (unit, r),
        None => {
            let unit = words.units.iter().find(|u| r.starts_with(**u)).copied()?;
            (unit, &r[unit.len()..])
        }
    };
    // 2000元/批次 is a price, not a target; 4批次/千人 was matched whole above.
    if r.starts_with('/') || r.starts_with('／') {
        return None;
    }
    let r2 = &r[ws_len(r)..];
    let suffix = words
        .suffixes
        .iter()
        .find(|(w, _, _)| r2.starts_with(*w))
        .copied();
    let r = match suffix {
        Some((w, _, _)) => &r2[w.len()..],
        None => r,
    };
    // 80万。 is money; 2万家次 counts visits, and 万 only multiplies; 20万-30万元 is a range
    // of 万元, not read here.
    if words.bare_units.iter().any(|u| u == unit)
        && r.starts_with(|c: char| crate::source::is_cjk(c) || "-－—–~～".contains(c))
    {
        return None;
    }
    let before = text[..i].trim_end_matches([' ', '\u{3000}']);
    // 由15天压缩到12天: the 15 is where it starts from.
    if super::lex::ends_with_any(before, &words.from).is_some() {
        return None;
    }
    let comparator = words
        .comparators
        .iter()
        .find(|(w, _, _)| before.ends_with(*w))
        .copied();
    // A number joined to the target right before it (、 和 及) continues its list.
    let inherits = match (comparator, previous) {
        (None, Some((p, p_end))) => super::lex::ends_with_any(before, &words.joiners)
            .map(|j| {
                before[..before.len() - j.len()]
                    .trim_end_matches(is_space)
                    .len()
            })
            .filter(|&gap_end| gap_end == p_end && p.unit == unit)
            .map(|_| Inherit {
                subject: p.subject,
                bound: p.bound,
                change: p.change,
                respectively: p.respectively,
            }),
        _ => None,
    };
    // 54个万亩以上工业集聚区, 引进10亿元以上项目, 处二百元以上一千元以下罚款: a bound of size
    // written straight before a noun names a class of things, not a level to reach (a verb
    // before it promises the things, not the size).
    if comparator.is_none_or(|(w, _, _)| words.promise.contains(&w))
        && suffix.is_some_and(|(w, _, _)| w == "以上" || w == "以下")
        && r.starts_with(crate::source::is_cjk)
        && words.class_units.iter().any(|u| u == unit)
    {
        return None;
    }
    let rate = unit.contains('/') || unit == "%" || unit == "％";
    if comparator.is_none()
        && suffix.is_none()
        && inherits.is_none()
        && !rate
        && value_max.is_none()
    {
        return None;
    }
    let (bound, change) = match (comparator, suffix, inherits) {
        (_, Some((_, Bound::About, _)), _) => (Bound::About, false),
        (Some((_, Bound::Increase, c)), _, _) => (Bound::Increase, c),
        (Some((_, b, c)), _, _) => (b, c),
        (None, Some((_, b, c)), _) => (b, c),
        (None, None, Some(p)) => (p.bound, p.change),
        (None, None, None) => (Bound::Exactly, false),
    };
    let start = comparator.map_or(i, |(w, _, _)| before.len() - w.len());
    let word = comparator.map(|(w, _, _)| w);
    let promised = word.is_some_and(|w| words.promise.contains(&w));
    // 最高50万元, or 可 before the comparator (可提高至35%).
    let allowance = word.is_some_and(|w| words.allowance.contains(&w))
        || super::lex::ends_with_any(&text[..start], &words.allowance_before).is_some();
    Some(Read {
        len: rest.len() - r.len(),
        start,
        value,
        value_max,
        unit,
        bound,
        change,
        inherits,
        promised,
        allowance,
    })
}

/// A standing share, quota or weight: the number is followed by 的比例, 的分值… (按不低于5%的比例
/// 预留) or its sentence sets a share aside before it (预留30%的号源（其中专家号源不低于30%）):
/// held always, not a dated result (rules/metrics.toml `standing_after`, `standing_before`).
fn is_standing(text: &str, end: usize, sentence: &str, words: &Words) -> bool {
    let after = text[end..].trim_start_matches(['以', '上', '下', '内']);
    words.standing_after.iter().any(|w| after.starts_with(w))
        || words.standing_before.iter().any(|w| sentence.contains(w))
}

fn sorted_words(groups: &[crate::data::BoundWords]) -> Vec<(&str, Bound, bool)> {
    let mut v: Vec<(&str, Bound, bool)> = groups
        .iter()
        .flat_map(|g| g.words.iter().map(move |w| (w.as_str(), g.bound, g.change)))
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

/// Where the clause after `from` ends (，；。), looking ahead at most 120 bytes.
/// The clause after a number makes it a condition of eligibility (…达到15%的，可申请; 已缴纳不低于
/// 50%的土地出让价款票据可先行办理), whichever width its comma is written in.
///
/// Chinese legal prose writes a case as a clause closed by 的 (设备平台面积不超过总建筑面积的3%且
/// 最高不超过5平方米的，不计算建筑面积): a number whose own clause ends so names the case a rule
/// applies to, whatever the rule then says.
fn is_condition(after: &str, words: &Words) -> bool {
    let after = after.replace(',', "，");
    if words.eligibility.iter().any(|w| after.contains(*w)) {
        return true;
    }
    if after
        .split_once('，')
        .is_some_and(|(clause, _)| clause.trim_end().ends_with('的'))
    {
        return true;
    }
    after.match_indices('的').any(|(k, _)| {
        let rest = &after[k + '的'.len_utf8()..];
        rest.char_indices().take(11).any(|(j, _)| {
            words
                .eligibility_verbs
                .iter()
                .any(|v| rest[j..].starts_with(*v))
        })
    })
}

/// A clause before the target's own (in its sentence) that bounds a figure to name a case
/// (rules/metrics.toml `case_words`): the case by which a graded standard is tiered
/// (建筑面积五万平方米（含）以下的住宅区，…; 超过五万平方米不足十万平方米的住宅区，…).
///
/// So does a clause naming whom the figure is for, as Chinese rules write a case: closed by 的
/// (申请人才公寓的，面积为120平方米左右; 购买二套住房，位于五环以内的，最低首付款比例不低于35%) or
/// opened by `case_openers` (对于贷款购买住房的居民家庭，…首付款比例统一为15%). Figures of
/// different cases are parameters of one rule, not one measure promised twice.
fn names_a_case(sentence_before: &str, words: &Words) -> bool {
    let mut clauses: Vec<&str> = sentence_before.split(['，', ',', '；', ';']).collect();
    clauses.pop();
    clauses.iter().any(|c| {
        let bounded = c
            .char_indices()
            .find(|&(_, ch)| is_digit(ch) || "十百千万".contains(ch))
            .is_some_and(|(k, _)| words.case_words.iter().any(|w| c[k..].contains(*w)));
        let c = c.trim();
        // 购买商品住房的（含“首套房”、“二套房”）: the bracket after 的 is an aside.
        let c = match c.strip_suffix([')', '）']) {
            Some(open) => open.rfind(['(', '（']).map_or(c, |k| open[..k].trim_end()),
            None => c,
        };
        bounded || c.ends_with('的') || words.case_openers.iter().any(|w| c.starts_with(*w))
    })
}

/// An undated number that says who qualifies: its clause opens on 对 and closes it with 的
/// (对年加工能力达到2万吨以上的企业), or a later clause of its sentence gives a reward
/// (游览2个以上A级景区，每住宿1天奖励旅行社0.5万元).
fn qualifies_for(text: &str, start: usize, end: usize, words: &Words) -> bool {
    let clause_start = text[..start]
        .rfind(['，', ',', '；', ';', '。', '\n', '：', ':', '∶'])
        .map_or(0, |k| {
            k + text[k..].chars().next().map_or(1, char::len_utf8)
        });
    let opening = super::lex::trim(&text[clause_start..start]);
    let clause_after = &text[end..clause_end(text, end)];
    let to_sentence_end = {
        let limit = next_boundary(text, (end + 300).min(text.len()));
        let stop = text[end..limit]
            .find(['。', '；', ';', '\n'])
            .map_or(limit, |k| end + k);
        &text[end..stop]
    };
    let opens = words
        .condition_openers
        .iter()
        .any(|w| opening.starts_with(*w))
        && clause_after
            .replace(',', "，")
            .split('，')
            .next()
            .is_some_and(|c| c.contains('的'));
    // The reward in a later clause: 至少2000元的工作补贴 is the reward itself.
    let later = to_sentence_end
        .find(['，', ','])
        .map_or("", |k| &to_sentence_end[k..]);
    opens || words.reward_words.iter().any(|w| later.contains(*w))
}

fn clause_end(text: &str, from: usize) -> usize {
    let limit = next_boundary(text, (from + 120).min(text.len()));
    text[from..limit]
        .char_indices()
        .find(|(_, c)| "；。;\n".contains(*c))
        .map_or(limit, |(i, _)| from + i)
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

/// A date a target is tied to, for display.
pub fn year_text(y: &Option<DatePoint>) -> String {
    y.map(|d| d.display()).unwrap_or_default()
}

/// Marks the targets whose sentence reports the past: a status word (已达到, 目前), a date
/// before the plan's year, or a named period (“十三五”期间) that ended before it.
pub fn mark_status(targets: &mut [Target], text: &str, plan_year: Option<i32>, metrics: &Metrics) {
    for t in targets.iter_mut() {
        let start = sentence_start(text, t.span.start);
        let sentence = text.get(start..t.span.start).unwrap_or("");
        let said = metrics
            .target
            .status_words
            .iter()
            .any(|w| sentence.contains(w.as_str()));
        let dated_before = match (t.year.and_then(|d| d.year), plan_year) {
            (Some(y), Some(p)) => y < p,
            _ => false,
        };
        let period_before = plan_year.is_some_and(|p| {
            metrics
                .period
                .iter()
                .any(|x| x.end < p && sentence.contains(x.name.as_str()))
        });
        t.status = said || dated_before || period_before;
    }
}

#[cfg(test)]
mod tests {
    use crate::data::Bound;

    /// (text, value, unit, bound, promised, allowance, tiered) of every target of a plan.
    fn read(plan: &str) -> Vec<(String, f64, String, Bound, bool, bool, bool)> {
        let doc = crate::testing::parse(plan);
        doc.targets
            .iter()
            .map(|t| {
                (
                    plan[t.span.start..t.span.end].to_string(),
                    t.value,
                    t.unit.clone(),
                    t.bound,
                    t.promised,
                    t.allowance,
                    t.tiered,
                )
            })
            .collect()
    }

    /// From an unseen county's housing measures (corpus-judged re01): 调整至 names no direction,
    /// and here it is a cut (10% to 5%): the value set, not a floor. 提高至 still is one.
    #[test]
    fn a_change_naming_no_direction_sets_a_value() {
        let plan = "某县若干措施\n一、提高预售资金使用效率。将预售资金留存标准设置为10%，有房源担保的可进一步调整至5%。（县住建局负责）\n二、提高公积金贷款额度。最高贷款额度提高至60万元。（县公积金中心负责）\n";
        let bounds: Vec<(String, Bound)> = read(plan).into_iter().map(|t| (t.0, t.3)).collect();
        assert_eq!(
            bounds,
            vec![
                ("调整至5%".to_string(), Bound::Exactly),
                ("提高至60万元".to_string(), Bound::AtLeast),
            ]
        );
    }

    #[test]
    fn counts_promised_money_allowed_and_chinese_numerals_are_read() {
        // From a city OPC action plan and a city fitness regulation.
        let plan = "一、任务\n（一）建设社区。先行培育10个具有引领效应的OPC社区，建成超10家面积均不少于1万平方米的社区，集聚万名创新创业人才。（市工信局负责）\n（二）支持人才。分档给予最高10万元的入户补贴。可领取最长24个月的安居补贴。单户补贴总额不超过五万元。补贴额测算比例可提高至35%。（市人社局负责）\n（三）配建。建筑面积五万平方米（含）以下的住宅区，室内体育健身用房建筑面积不少于二百五十平方米。（市体育局负责）\n";
        let got = read(plan);
        let expect = |s: &str, v: f64, u: &str, b: Bound, p: bool, a: bool, t: bool| {
            (s.to_string(), v, u.to_string(), b, p, a, t)
        };
        assert_eq!(
            got,
            vec![
                expect("培育10个", 10.0, "个", Bound::AtLeast, true, false, false),
                expect("超10家", 10.0, "家", Bound::AtLeast, false, false, false),
                expect(
                    "不少于1万平方米",
                    1.0,
                    "万平方米",
                    Bound::AtLeast,
                    false,
                    false,
                    false
                ),
                expect(
                    "集聚万名",
                    10000.0,
                    "名",
                    Bound::AtLeast,
                    true,
                    false,
                    false
                ),
                expect(
                    "最高10万元",
                    10.0,
                    "万元",
                    Bound::AtMost,
                    false,
                    true,
                    false
                ),
                expect(
                    "最长24个月",
                    24.0,
                    "个月",
                    Bound::AtMost,
                    false,
                    true,
                    false
                ),
                expect(
                    "不超过五万元",
                    5.0,
                    "万元",
                    Bound::AtMost,
                    false,
                    false,
                    false
                ),
                expect("提高至35%", 35.0, "%", Bound::AtLeast, false, true, false),
                expect(
                    "不少于二百五十平方米",
                    250.0,
                    "平方米",
                    Bound::AtLeast,
                    false,
                    false,
                    true
                ),
            ]
        );
    }

    /// corpus-judged/rt07 (郑州市农业投资保障条例 第十一条) and rt08, pairs/s19 (河南省失业保险
    /// 条例 第七条: 工资总额的百分之二, the 2% of the law): a share written in words is a
    /// percentage of the number after 百分之, not 百 of the unit 分.
    #[test]
    fn a_share_written_in_words_is_a_percentage() {
        let plan = "一、任务\n（一）投入。财政投入农业资金占财政支出的比例不低于百分之二十，到2025年覆盖率达到百分之九十五点五以上，事故率控制在千分之三以内。（市财政局负责）\n";
        let got: Vec<(String, f64, String, Bound)> = read(plan)
            .into_iter()
            .map(|(text, value, unit, bound, ..)| (text, value, unit, bound))
            .collect();
        let v = |t: &str, x: f64, u: &str, b: Bound| (t.to_string(), x, u.to_string(), b);
        assert_eq!(
            got,
            vec![
                v("不低于百分之二十", 20.0, "%", Bound::AtLeast),
                v("达到百分之九十五点五以上", 95.5, "%", Bound::AtLeast),
                v("控制在千分之三以内", 3.0, "‰", Bound::AtMost),
            ]
        );
        // A range of shares in words: 20 to 30, not 20 to 百.
        let plan =
            "一、任务\n（一）投入。到2025年，覆盖率达到百分之二十至百分之三十。（市财政局负责）\n";
        let doc = crate::testing::parse(plan);
        let t = &doc.targets[0];
        assert_eq!(
            (&plan[t.span.start..t.span.end], t.value, t.value_max),
            ("达到百分之二十至百分之三十", 20.0, Some(30.0))
        );
    }

    #[test]
    fn what_qualifies_for_a_reward_is_no_target() {
        // From a city package of measures: the thresholds of a reward, and the reward itself.
        let plan = "一、任务\n（一）促进消费。对冬春两季销售额达2000万元且增速达15%以上的限上汽车销售企业,每户奖励5万元。组织市外游客300人以上来定西,停留1日以上,游览2个以上A级景区,每住宿1天奖励旅行社0.5万元。每人每年至少2000元的工作补贴。（市商务局负责）\n";
        let got: Vec<String> = read(plan).into_iter().map(|t| t.0).collect();
        assert_eq!(got, vec!["至少2000元".to_string()]);
    }

    /// From a county's housing measures (dev pair s14 linyi→yishui): 万 stands for 万元 where
    /// no word follows it; in 2万家次 and 1万个 it only multiplies, and 20万-30万元 is a range.
    #[test]
    fn a_bare_wan_is_money_only_where_no_word_follows() {
        let plan = "一、任务\n（一）公积金。公积金贷款额度上限由60万提高至80万。组织不少于2万家次企业参展，提供不少于1万个岗位，增加额度提高到20万-30万元。（县公积金中心负责）\n";
        let got: Vec<(String, f64, String)> =
            read(plan).into_iter().map(|t| (t.0, t.1, t.2)).collect();
        assert_eq!(
            got,
            vec![("提高至80万".to_string(), 80.0, "万".to_string())]
        );
    }

    /// A bound of size before a noun names a class (corpus-judged/x08, v04: 万亩以上工业集聚区,
    /// 二百元以上一千元以下罚款); a counting word before a noun still counts it (seed 003).
    #[test]
    fn a_size_class_before_a_noun_is_no_target_a_count_is() {
        let plan = "一、任务\n（一）用地。规划建设54个万亩以上工业集聚区，引进10亿元以上项目。违反规定的，处二百元以上一千元以下罚款。到2021年，组织指导3家以上食用农产品生产经营主体制定企业标准。（县农业农村局负责）\n";
        let got: Vec<String> = read(plan).into_iter().map(|t| t.0).collect();
        assert_eq!(got, vec!["3家以上".to_string()]);
    }

    /// A clause closed by 的 before a comma names a case (corpus-judged/r03, a county's housing
    /// measures): the design limit of a balcony rule is no target; the same sentence's figure
    /// whose clause runs on is.
    /// From county housing-fund measures: a ban on going below is a floor and one on going
    /// above a ceiling, whatever the comparator inside it says (不得低于 is no 低于).
    #[test]
    fn a_ban_turns_the_comparator_it_holds() {
        let plan = "一、任务\n（一）优化公积金政策。首付比例不得低于20%，审批时限不应超过5个工作日，办结率不低于95%。（县公积金中心负责）\n";
        let got: Vec<(String, Bound)> = read(plan).into_iter().map(|t| (t.0, t.3)).collect();
        assert_eq!(
            got,
            [
                ("不得低于20%".to_string(), Bound::AtLeast),
                ("不应超过5个工作日".to_string(), Bound::AtMost),
                ("不低于95%".to_string(), Bound::AtLeast),
            ]
        );
    }

    /// Years are a unit (贷款期限不得超过30年, a pair's housing-fund measure), except where a
    /// bound of years sizes a class before its noun (5年以上优秀培训业绩: corpus 10, 国发〔2019〕4号).
    #[test]
    fn years_are_a_unit_unless_they_size_a_class() {
        let plan = "一、任务\n（一）优化公积金政策。最长贷款期限不得超过30年。从具有资金实力和5年以上优秀培训业绩的机构中选择。（市公积金中心负责）\n";
        let got: Vec<(String, String, Bound)> =
            read(plan).into_iter().map(|t| (t.0, t.2, t.3)).collect();
        assert_eq!(
            got,
            [("不得超过30年".to_string(), "年".to_string(), Bound::AtMost)]
        );
    }

    #[test]
    fn a_case_closed_by_de_is_no_target() {
        let plan = "一、任务\n（一）降低成本。每户住宅设置设备平台水平投影面积之和不超过该套型总建筑面积的3%且最高不超过5平方米的,不计算建筑面积和容积率。各类阳台投影面积之和不得超过该套型总建筑面积的15%,超出部分按全面积计算建筑面积。（县自然资源局负责）\n";
        let got: Vec<String> = read(plan).into_iter().map(|t| t.0).collect();
        assert_eq!(got, vec!["15%".to_string()]);
    }
}
