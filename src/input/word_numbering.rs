//! Word's automatic numbering: the numbers Word draws before numbered paragraphs (`一、`,
//! `（一）`, `1.`, `第一条`) that are not in the paragraph's text. A plan drafted with Word's
//! list buttons or heading styles has its whole outline there; read without it, its items lose
//! their numbers and the plan its tasks.
//!
//! A paragraph is numbered by its own `w:numPr` (`w:numId`, `w:ilvl`) or by its paragraph
//! style's (through `w:basedOn`); `w:numId` 0 takes the numbering off. `word/numbering.xml`
//! maps a `w:num` to its `w:abstractNum`, whose `w:lvl`s say how each level is written
//! (`w:numFmt`, `w:lvlText` such as `（%2）`, `w:start`); a `w:num` may restart levels
//! (`w:lvlOverride`/`w:startOverride`). As Word does, the lists of one abstract numbering share
//! their counters, a level restarts after a level above it is used (`w:lvlRestart` may say
//! otherwise), and a bullet is not a number (no label).

use super::docx::{attr, switched_on};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use rustc_hash::FxHashMap;
use std::io::BufRead;

/// Levels Word defines per list.
const LEVELS: usize = 9;

/// How one level is written.
#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<i64>,
    format: Option<String>,
    text: Option<String>,
    /// `w:isLgl`: every level's number in Arabic digits.
    legal: bool,
    /// `w:lvlRestart`: restarts after a level above this one-based level is used; 0 never.
    restart: Option<usize>,
    /// `w:suff`: what follows the number (tab, space, nothing).
    suffix: Option<String>,
    /// `w:pStyle`: the paragraph style this level is linked to.
    style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: FxHashMap<usize, Level>,
    /// `w:numStyleLink`: the definition is a numbering style's.
    style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: String,
    /// Per level: a start override and a whole level override.
    starts: FxHashMap<usize, i64>,
    levels: FxHashMap<usize, Level>,
}

/// A style's own numbering properties and the style it is based on.
#[derive(Debug, Clone, Default)]
struct Style {
    num: Option<String>,
    level: Option<usize>,
    based_on: Option<String>,
}

/// The numbering definitions of a document: `word/numbering.xml` and the paragraph styles of
/// `word/styles.xml`.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: FxHashMap<String, Abstract>,
    nums: FxHashMap<String, Instance>,
    styles: FxHashMap<String, Style>,
    default_style: Option<String>,
}

/// The number of a paragraph Word would draw, and the counters it is drawn from.
#[derive(Debug, Default)]
pub struct Counter {
    /// Per abstract numbering: the current value and the start of each level.
    values: FxHashMap<String, [Option<i64>; LEVELS]>,
    starts: FxHashMap<String, [Option<i64>; LEVELS]>,
    used: rustc_hash::FxHashSet<String>,
}

/// The numbering properties of one paragraph as written: its style and its own `w:numPr`.
#[derive(Debug, Default, Clone)]
pub struct ParagraphNumbering {
    pub style: Option<String>,
    pub num: Option<String>,
    pub level: Option<usize>,
}

fn level_index(v: Option<String>) -> Option<usize> {
    v?.trim().parse().ok().filter(|&l| l < LEVELS)
}

impl Numbering {
    /// Reads the definitions from the two parts (each may be absent: `None`).
    pub fn read(numbering: Option<impl BufRead>, styles: Option<impl BufRead>) -> Numbering {
        let mut n = Numbering::default();
        if let Some(xml) = numbering {
            n.read_numbering(xml);
        }
        if n.nums.is_empty() {
            return n;
        }
        if let Some(xml) = styles {
            n.read_styles(xml);
        }
        n
    }

    /// Whether any paragraph can be numbered at all (else the document need not be surveyed).
    pub fn is_empty(&self) -> bool {
        self.nums.is_empty()
    }

    fn read_numbering(&mut self, xml: impl BufRead) {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        // The definition and level being read: an abstract numbering, or a num's override.
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        loop {
            buf.clear();
            let (e, empty) = match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(e)) => {
                    match e.local_name().as_ref() {
                        "abstractNum" => abstract_id = None,
                        "num" => num_id = None,
                        "lvlOverride" => override_level = None,
                        "lvl" => self.store_level(&abstract_id, &num_id, level.take()),
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => continue,
            };
            let val = || attr(&e, "val");
            match e.local_name().as_ref() {
                "abstractNum" if !empty => {
                    abstract_id = attr(&e, "abstractNumId");
                    if let Some(id) = &abstract_id {
                        self.abstracts.insert(id.clone(), Abstract::default());
                    }
                }
                "num" if !empty => {
                    num_id = attr(&e, "numId");
                    if let Some(id) = &num_id {
                        self.nums.insert(id.clone(), Instance::default());
                    }
                }
                "abstractNumId" => {
                    if let (Some(id), Some(v)) = (&num_id, val()) {
                        if let Some(i) = self.nums.get_mut(id) {
                            i.abstract_id = v;
                        }
                    }
                }
                "lvlOverride" if !empty => override_level = level_index(attr(&e, "ilvl")),
                "startOverride" => {
                    let start = val().and_then(|v| v.trim().parse().ok());
                    if let (Some(id), Some(l), Some(s)) = (&num_id, override_level, start) {
                        if let Some(i) = self.nums.get_mut(id) {
                            i.starts.insert(l, s);
                        }
                    }
                }
                "numStyleLink" => {
                    if let Some(a) = abstract_id.as_ref().and_then(|a| self.abstracts.get_mut(a)) {
                        a.style_link = val();
                    }
                }
                "lvl" if !empty => {
                    level = level_index(attr(&e, "ilvl")).map(|l| (l, Level::default()));
                }
                _ => {
                    if let Some((_, l)) = level.as_mut() {
                        read_level_property(l, &e);
                    }
                }
            }
        }
    }

    fn store_level(
        &mut self,
        abstract_id: &Option<String>,
        num_id: &Option<String>,
        level: Option<(usize, Level)>,
    ) {
        let Some((index, level)) = level else { return };
        if let Some(a) = abstract_id.as_ref().and_then(|a| self.abstracts.get_mut(a)) {
            a.levels.insert(index, level);
        } else if let Some(i) = num_id.as_ref().and_then(|n| self.nums.get_mut(n)) {
            i.levels.insert(index, level);
        }
    }

    fn read_styles(&mut self, xml: impl BufRead) {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut style: Option<(String, Style)> = None;
        loop {
            buf.clear();
            let (e, empty) = match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(e)) => {
                    if e.local_name().as_ref() == "style" {
                        if let Some((id, s)) = style.take() {
                            self.styles.insert(id, s);
                        }
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => continue,
            };
            let val = || attr(&e, "val");
            match e.local_name().as_ref() {
                "style" if !empty => {
                    style = attr(&e, "styleId").map(|id| (id, Style::default()));
                    let paragraph = attr(&e, "type").is_none_or(|t| t == "paragraph");
                    let default = attr(&e, "default").is_some_and(|d| d == "1" || d == "true");
                    if paragraph && default {
                        self.default_style = style.as_ref().map(|(id, _)| id.clone());
                    }
                }
                "basedOn" => {
                    if let Some((_, s)) = style.as_mut() {
                        s.based_on = val();
                    }
                }
                "numId" => {
                    if let Some((_, s)) = style.as_mut() {
                        s.num = val();
                    }
                }
                "ilvl" => {
                    if let Some((_, s)) = style.as_mut() {
                        s.level = level_index(val());
                    }
                }
                _ => {}
            }
        }
    }

    /// The style and its ancestors, nearest first (a cycle or a chain past ten ends the walk).
    fn style_chain(&self, id: Option<&str>) -> Vec<(&str, &Style)> {
        let mut chain = Vec::new();
        let mut next = id.or(self.default_style.as_deref());
        while let Some(id) = next {
            let Some((key, s)) = self.styles.get_key_value(id) else {
                break;
            };
            if chain.len() >= 10 || chain.iter().any(|(k, _)| *k == key.as_str()) {
                break;
            }
            chain.push((key.as_str(), s));
            next = s.based_on.as_deref();
        }
        chain
    }

    /// The list and level a paragraph is numbered in, if any.
    fn resolve(&self, p: &ParagraphNumbering) -> Option<(&str, usize)> {
        let chain = self.style_chain(p.style.as_deref());
        let num = p
            .num
            .as_deref()
            .or_else(|| chain.iter().find_map(|(_, s)| s.num.as_deref()))?;
        let num = self.nums.get_key_value(num.trim())?.0.as_str();
        let level = p
            .level
            .or_else(|| chain.iter().find_map(|(_, s)| s.level))
            .or_else(|| {
                // A level linked to the paragraph's style (heading styles) is its level.
                let (_, a) = self.definition(num)?;
                let style = chain.first()?.0;
                a.levels
                    .iter()
                    .find(|(_, l)| l.style.as_deref() == Some(style))
                    .map(|(&i, _)| i)
            })
            .unwrap_or(0);
        Some((num, level))
    }

    /// A num's abstract numbering, through a numbering style's link.
    fn definition(&self, num: &str) -> Option<(&str, &Abstract)> {
        let mut id = self.nums.get(num)?.abstract_id.as_str();
        for _ in 0..3 {
            let (key, a) = self.abstracts.get_key_value(id)?;
            let Some(link) = a.style_link.as_deref().filter(|_| a.levels.is_empty()) else {
                return Some((key.as_str(), a));
            };
            let linked = self.styles.get(link)?.num.as_deref()?;
            id = self.nums.get(linked)?.abstract_id.as_str();
        }
        None
    }

    fn level(&self, num: &str, index: usize) -> Option<&Level> {
        let own = self.nums.get(num)?.levels.get(&index);
        own.or_else(|| self.definition(num)?.1.levels.get(&index))
    }
}

fn read_level_property(l: &mut Level, e: &BytesStart) {
    let val = attr(e, "val");
    match e.local_name().as_ref() {
        "start" => l.start = val.and_then(|v| v.trim().parse().ok()),
        // A custom format (Word 2010's w14 choice) is read from its fallback, which follows.
        "numFmt" if val.as_deref() != Some("custom") => l.format = val,
        "lvlText" => l.text = val,
        "isLgl" => l.legal = switched_on(e),
        "lvlRestart" => l.restart = val.and_then(|v| v.trim().parse().ok()),
        "suff" => l.suffix = val,
        "pStyle" => l.style = val,
        _ => {}
    }
}

impl Counter {
    /// The label of the next paragraph (counted whether or not it has text, as Word counts
    /// it), or None for a paragraph that is not numbered or is a bullet.
    pub fn next(&mut self, defs: &Numbering, p: &ParagraphNumbering) -> Option<String> {
        let (num, index) = defs.resolve(p)?;
        let (abstract_id, _) = defs.definition(num)?;
        let level = defs.level(num, index)?;
        let key = abstract_id.to_string();
        let starts = self
            .starts
            .entry(key.clone())
            .or_insert_with(|| std::array::from_fn(|i| defs.level(num, i).and_then(|l| l.start)));
        let values = self.values.entry(key).or_default();
        if self.used.insert(num.to_string()) {
            // A list's first paragraph: its overrides restart their levels.
            if let Some(instance) = defs.nums.get(num) {
                for (&l, &s) in &instance.starts {
                    starts[l] = Some(s);
                    values[l] = None;
                }
            }
        }
        values[index] = Some(values[index].map_or(starts[index].unwrap_or(0), |v| v + 1));
        for (deeper, value) in values.iter_mut().enumerate().skip(index + 1) {
            let restart = defs.level(num, deeper).and_then(|l| l.restart);
            if restart.is_none_or(|r| r > index) {
                *value = None;
            }
        }
        let format = level.format.as_deref().unwrap_or("decimal");
        if format == "bullet" {
            return None;
        }
        let text = level.text.as_deref().unwrap_or("");
        let mut label = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d) if c == '%' && (1..=LEVELS as u32).contains(&d) => {
                    chars.next();
                    let i = d as usize - 1;
                    let n = values[i].or(starts[i]).unwrap_or(0);
                    let f = if level.legal {
                        "decimal"
                    } else {
                        defs.level(num, i)
                            .and_then(|l| l.format.as_deref())
                            .unwrap_or("decimal")
                    };
                    label.push_str(&format_number(n, f));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim().to_string();
        if label.is_empty() {
            return None;
        }
        // Word draws a tab or a space after the number; after a number closed by its own mark
        // (一、 （一） 1.) the text reads on without one, as it is typed.
        let closed = label.ends_with(['、', '.', '．', '）', ')', '：', ':', '，']);
        let spaced = level.suffix.as_deref() != Some("nothing") && !closed;
        Some(if spaced { label + " " } else { label })
    }
}

/// A number in one of Word's number formats (`w:numFmt`); formats planlint does not know are
/// written in Arabic digits, as Word's own fallback is.
pub fn format_number(n: i64, format: &str) -> String {
    let circled = |first: u32, last: i64| {
        (1..=last)
            .contains(&n)
            .then(|| char::from_u32(first + n as u32 - 1))
            .flatten()
            .map(String::from)
    };
    let cycle = |list: &[&str]| list[(n.max(1) as usize - 1) % list.len()].to_string();
    match format {
        "none" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32('０' as u32 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            circled('①' as u32, 20).unwrap_or_else(|| n.to_string())
        }
        "ideographEnclosedCircle" => circled('㈠' as u32, 10).unwrap_or_else(|| n.to_string()),
        "decimalEnclosedFullstop" => format!("{n}."),
        "decimalEnclosedParen" => format!("({n})"),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting"
            if (1..10_000).contains(&n) =>
        {
            crate::lex::chinese_numeral_upto_9999(n as u32, false)
        }
        "chineseLegalSimplified" | "japaneseLegal" if (1..10_000).contains(&n) => {
            crate::lex::chinese_numeral_upto_9999(n as u32, true)
        }
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" if n >= 0 => n
            .to_string()
            .chars()
            .map(|c| DIGITS[c.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        "ideographTraditional" => {
            cycle(&["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"])
        }
        "ideographZodiac" => cycle(&[
            "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
        ]),
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let r = roman(n as u32);
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        // Word's letters: A…Z, then AA…ZZ, AAA….
        "upperLetter" | "lowerLetter" if n >= 1 => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let letter = (base + ((n - 1) % 26) as u8) as char;
            std::iter::repeat_n(letter, ((n - 1) / 26 + 1).min(50) as usize).collect()
        }
        _ => n.to_string(),
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn lvl(i: usize, format: &str, text: &str, extra: &str) -> String {
        format!("<w:lvl w:ilvl=\"{i}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/>{extra}</w:lvl>")
    }

    /// The outline of a plan (一、 （一） 1. ①), a second list on the same definition, a list
    /// restarted by its override, a bullet list, and heading styles linked to the outline.
    fn defs() -> Numbering {
        let outline = [
            lvl(
                0,
                "chineseCounting",
                "%1、",
                "<w:pStyle w:val=\"Heading1\"/>",
            ),
            lvl(
                1,
                "chineseCounting",
                "（%2）",
                "<w:pStyle w:val=\"Heading2\"/>",
            ),
            lvl(2, "decimal", "%3.", ""),
            lvl(
                3,
                "decimalEnclosedCircle",
                "%4",
                "<w:suff w:val=\"nothing\"/>",
            ),
        ]
        .concat();
        let legal = [
            lvl(0, "chineseCounting", "第%1章", ""),
            lvl(
                1,
                "chineseCounting",
                "第%2条",
                "<w:lvlRestart w:val=\"0\"/>",
            ),
            lvl(2, "decimal", "%1.%2.%3", "<w:isLgl/>"),
        ]
        .concat();
        let numbering = format!(
            "<w:numbering {W}><w:abstractNum w:abstractNumId=\"10\">{outline}</w:abstractNum>\
             <w:abstractNum w:abstractNumId=\"11\">{legal}</w:abstractNum>\
             <w:abstractNum w:abstractNumId=\"12\">{}</w:abstractNum>\
             <w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>\
             <w:num w:numId=\"2\"><w:abstractNumId w:val=\"10\"/></w:num>\
             <w:num w:numId=\"3\"><w:abstractNumId w:val=\"10\"/><w:lvlOverride w:ilvl=\"2\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\
             <w:num w:numId=\"4\"><w:abstractNumId w:val=\"11\"/></w:num>\
             <w:num w:numId=\"5\"><w:abstractNumId w:val=\"12\"/></w:num></w:numbering>",
            lvl(0, "bullet", "●", "")
        );
        let styles = format!(
            "<w:styles {W}><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"/>\
             <w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:basedOn w:val=\"Heading1\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Plain\"><w:basedOn w:val=\"Heading1\"/><w:pPr><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr></w:style></w:styles>"
        );
        Numbering::read(Some(numbering.as_bytes()), Some(styles.as_bytes()))
    }

    fn labels(paragraphs: &[(Option<&str>, Option<&str>, Option<usize>)]) -> Vec<String> {
        let defs = defs();
        let mut counter = Counter::default();
        paragraphs
            .iter()
            .map(|&(style, num, level)| {
                let p = ParagraphNumbering {
                    style: style.map(str::to_string),
                    num: num.map(str::to_string),
                    level,
                };
                counter.next(&defs, &p).unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn an_outline_counts_as_word_draws_it() {
        let got = labels(&[
            (None, Some("1"), Some(0)),
            (None, Some("1"), Some(1)),
            (None, Some("1"), Some(2)),
            (None, Some("1"), Some(3)),
            (None, Some("1"), Some(3)),
            (None, Some("1"), Some(2)),
            (None, Some("1"), Some(1)),
            (None, Some("1"), Some(2)),
            // A second list on the same definition runs on; a list whose override restarts
            // level 3 starts it again.
            (None, Some("2"), Some(2)),
            (None, Some("3"), Some(2)),
            (None, Some("1"), Some(0)),
            (None, None, None),
            (None, Some("5"), Some(0)),
        ]);
        assert_eq!(
            got,
            [
                "一、",
                "（一）",
                "1.",
                "①",
                "②",
                "2.",
                "（二）",
                "1.",
                "2.",
                "1.",
                "二、",
                "",
                ""
            ]
        );
    }

    #[test]
    fn heading_styles_take_their_numbers_and_levels_from_the_style() {
        let got = labels(&[
            (Some("Heading1"), None, None),
            (Some("Heading2"), None, None),
            (Some("Heading2"), None, None),
            // A style based on a heading that takes the numbering off, and a paragraph that
            // takes it off itself.
            (Some("Plain"), None, None),
            (Some("Heading1"), Some("0"), None),
            (Some("Heading1"), None, None),
            (Some("Heading2"), None, None),
        ]);
        assert_eq!(got, ["一、", "（一）", "（二）", "", "", "二、", "（一）"]);
    }

    #[test]
    fn articles_run_on_across_chapters_and_legal_numbers_are_digits() {
        let got = labels(&[
            (None, Some("4"), Some(0)),
            (None, Some("4"), Some(1)),
            (None, Some("4"), Some(1)),
            (None, Some("4"), Some(2)),
            (None, Some("4"), Some(0)),
            (None, Some("4"), Some(1)),
            (None, Some("4"), Some(2)),
        ]);
        assert_eq!(
            got,
            [
                "第一章 ",
                "第一条 ",
                "第二条 ",
                "1.2.1 ",
                "第二章 ",
                "第三条 ",
                "2.3.1 "
            ]
        );
    }

    #[test]
    fn numbers_are_written_in_the_level_format() {
        let f = format_number;
        let chinese: Vec<String> = [1, 10, 11, 20, 21, 100, 105, 110, 1001]
            .iter()
            .map(|&n| f(n, "chineseCounting"))
            .collect();
        assert_eq!(
            chinese,
            [
                "一",
                "十",
                "十一",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十",
                "一千零一"
            ]
        );
        assert_eq!(f(12, "chineseLegalSimplified"), "壹拾贰");
        assert_eq!(f(2023, "ideographDigital"), "二〇二三");
        assert_eq!(f(3, "decimalEnclosedCircle"), "③");
        assert_eq!(f(21, "decimalEnclosedCircle"), "21");
        assert_eq!(f(2, "ideographEnclosedCircle"), "㈡");
        assert_eq!(f(11, "ideographTraditional"), "甲");
        assert_eq!(f(12, "decimalFullWidth"), "１２");
        assert_eq!(f(7, "decimalZero"), "07");
        assert_eq!(f(14, "upperRoman"), "XIV");
        assert_eq!(f(4, "lowerRoman"), "iv");
        assert_eq!(f(28, "upperLetter"), "BB");
        assert_eq!(f(3, "lowerLetter"), "c");
        assert_eq!(f(5, "decimalEnclosedParen"), "(5)");
        assert_eq!(f(5, "none"), "");
        assert_eq!(f(5, "cardinalText"), "5");
    }
}
