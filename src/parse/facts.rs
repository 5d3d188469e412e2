//! What a plan says about itself: title, document number (白府发〔2023〕40号), issuing date,
//! cited documents, the year of an annual plan, and whether (and where) it shows that it names
//! owners for its tasks.

use super::deadline::first_date;
use super::lex::{is_chinese_numeral, trim};
use crate::blocks::Block;
use crate::data::RuleData;
use crate::model::{Citation, Facts, YearSource};
use crate::source::{is_cjk, Span};

/// A paragraph's text with its span.
#[derive(Clone, Copy)]
struct Line<'a> {
    span: Span,
    text: &'a str,
}

pub(crate) fn read(text: &str, blocks: &[Block], data: &RuleData) -> Facts {
    let lines: Vec<Line> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(Line {
                span: p.span,
                text: text.get(p.span.start..p.span.end).unwrap_or(""),
            }),
            Block::Table(_) => None,
        })
        .collect();
    let mut f = Facts {
        title: title(&lines, &data.lexicon.outline),
        doc_number: lines.iter().take(40).find_map(|l| {
            // 湛府办〔2024〕9号 on its own line, or in brackets under the title (（湛府办〔2024〕9号）).
            let t = trim(l.text);
            let t = t
                .strip_prefix(['（', '('])
                .and_then(|x| x.strip_suffix(['）', ')']))
                .map_or(t, trim);
            (super::lex::doc_number_len(t) == Some(t.len()))
                .then(|| Span::of(l.text, t).shift(l.span.start))
        }),
        date: lines.iter().find_map(|l| {
            let t = trim(l.text);
            (full_date_len(t) == Some(t.len())).then(|| Span::of(l.text, t).shift(l.span.start))
        }),
        cited: citations(text),
        ..Facts::default()
    };
    let slice = |s: Span| text.get(s.start..s.end).unwrap_or("");
    if let Some(t) = f.title {
        let t = slice(t);
        // 2018年…重点工作安排, or a title naming one year's work (2018年度…考核细则).
        let year_bound = first_year(t).is_some_and(|y| t.contains(&format!("{y}年度")));
        if year_bound
            || data
                .lexicon
                .deadline
                .annual_titles
                .iter()
                .any(|w| t.contains(w.as_str()))
        {
            f.annual_year = first_year(t);
        }
        f.period = title_period(t);
    }
    let dw = &data.lexicon.deadline;
    f.validity = lines
        .iter()
        .filter(|l| {
            dw.validity_context
                .iter()
                .any(|w| l.text.contains(w.as_str()))
        })
        .find_map(|l| validity_in(l.text, &dw.validity_words).map(|s| s.shift(l.span.start)));
    f.year = f
        .date
        .and_then(|d| first_year(slice(d)).map(|y| (y, YearSource::Date)))
        .or_else(|| {
            f.doc_number
                .and_then(|d| first_year_in_brackets(slice(d)).map(|y| (y, YearSource::DocNumber)))
        })
        .or_else(|| f.annual_year.map(|y| (y, YearSource::Title)))
        .or_else(|| {
            f.cited
                .iter()
                .filter_map(|c| c.number.and_then(|n| first_year_in_brackets(slice(n))))
                .max()
                .map(|y| (y, YearSource::Citations))
        });
    f.issued = f
        .date
        .and_then(|s| first_date(slice(s)).map(|(d, p)| (d.shift(s.start), p)));
    f.owner_cue = owner_cue(text, &data.lexicon.clause.owner_cues);
    f.owes_owners = owes_owners(text, &lines, &f, &data.lexicon);
    f.report_mark = report_mark(text, &data.lexicon.outline);
    f
}

/// The first owner cue standing as a label (责任单位：A, or 责任单位 A at the start of a line
/// where a PDF lost the colon), a line of its own (a table header cell), or a numbered title
/// (二、职责分工).
fn owner_cue(text: &str, cues: &[String]) -> Option<Span> {
    let mut best: Option<(usize, &str)> = None;
    for cue in cues {
        for (i, _) in text.match_indices(cue.as_str()) {
            if best.is_some_and(|(b, _)| b <= i) {
                break;
            }
            let line_start = text[..i].rfind('\n').map_or(0, |k| k + 1);
            let line_end = text[i..].find('\n').map_or(text.len(), |k| i + k);
            let before = text[line_start..i].trim();
            let after = text[i + cue.len()..line_end].trim_start();
            let rest = &text[i + cue.len()..line_end];
            let label = after.starts_with(super::lex::COLONS)
                || (before.is_empty() && rest.starts_with(char::is_whitespace));
            let alone = after.trim().is_empty()
                && before
                    .trim_end_matches(|c: char| {
                        !c.is_alphanumeric() || c.is_ascii_digit() || is_chinese_numeral(c)
                    })
                    .is_empty();
            if label || alone {
                best = Some((i, cue.as_str()));
                break;
            }
        }
    }
    best.map(|(i, cue)| Span::new(i, i + cue.len()))
}

/// The title (or, when none was read, the first lines) names a plan or a list of measures, not
/// issued at the national level, and not addressed to the market.
fn owes_owners(text: &str, lines: &[Line], f: &Facts, lex: &crate::data::Lexicon) -> bool {
    let words = &lex.clause;
    let title: String = match f.title {
        Some(t) => text[t.start..t.end].to_string(),
        None => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(3)
            .collect(),
    };
    let title = title.trim_start();
    // The title as read may be its last line only (实施方案的通知): the first line and the
    // document number say who issued it.
    let first = text.trim_start();
    let number = f.doc_number.map_or("", |n| &text[n.start..n.end]);
    let national = words
        .national_titles
        .iter()
        .any(|n| title.starts_with(n.as_str()) || first.starts_with(n.as_str()))
        || words
            .national_numbers
            .iter()
            .any(|n| number.starts_with(n.as_str()));
    let genres = |list: &[String]| list.iter().any(|g| title.contains(g.as_str()));
    // 若干措施 is the genre of policy measures; a 方案 or 计划 among them is a work plan.
    let measures = genres(&words.measure_genres)
        && !words
            .owner_genres
            .iter()
            .filter(|g| !words.measure_genres.contains(g))
            .any(|g| title.contains(g.as_str()));
    let share = if measures {
        words.measure_rule_share
    } else {
        words.rule_share
    };
    // A department's own measures are carried out by it.
    let departments_own = measures && issued_by_departments(text, lines, f, lex);
    genres(&words.owner_genres)
        && !national
        && !departments_own
        && !addressed_to_the_market(text, &words.market_addressees)
        && !reads_as_rules_for_the_public(text, words, share)
}

/// The document's issuers are departments alone: the names signed above its date (惠州市住房和
/// 城乡建设局 / 惠州市自然资源局 / 惠州市住房公积金管理中心 / 2023年9月22日), or else the name
/// its title opens on (杭州市市场监督管理局关于印发…, 广州市卫生健康委等4部门关于…), and none of
/// them a government or party committee (`government_issuers`). False when neither is written.
fn issued_by_departments(
    text: &str,
    lines: &[Line],
    f: &Facts,
    lex: &crate::data::Lexicon,
) -> bool {
    let ends_as_unit = |name: &str| {
        lex.units
            .glue_suffixes
            .iter()
            .chain(&lex.units.branch_suffixes)
            .any(|s| name.ends_with(s.as_str()))
    };
    let is_name = |t: &str| {
        let n = t.chars().count();
        (4..=30).contains(&n)
            && !t.contains(|c: char| "。，,：:；;、（）()“”《》".contains(c) || c.is_ascii_digit())
            && ends_as_unit(t)
    };
    let mut issuers: Vec<&str> = Vec::new();
    if let Some(date) = f.date {
        let at = lines.partition_point(|l| l.span.start < date.start);
        issuers.extend(
            lines[..at]
                .iter()
                .rev()
                .map(|l| trim(l.text))
                .take_while(|t| is_name(t)),
        );
    }
    if issuers.is_empty() {
        let first = f.title.map_or_else(
            || text.lines().find(|l| !trim(l).is_empty()).unwrap_or(""),
            |t| &text[t.start..t.end],
        );
        if let Some(k) = first.find("关于").filter(|&k| k > 0) {
            let name = trim(&first[..k]);
            // 广州市卫生健康委等4部门: the bodies before 等 (`vague_ending`).
            let ending = lex.units.vague_ending.as_str();
            let name = name
                .find(ending)
                .filter(|_| !ending.is_empty())
                .map_or(name, |e| &name[..e]);
            if is_name(name) {
                issuers.push(name);
            }
        }
    }
    !issuers.is_empty()
        && issuers.iter().all(|name| {
            !lex.clause
                .government_issuers
                .iter()
                .any(|g| name.contains(g.as_str()))
        })
}

/// The document's sentences state rules for the public (who qualifies, what is granted or
/// allowed: `rule_markers`) at least `share` times as often as they open on an action of
/// government (`action_openers`, after one of `action_adverbs`): a list of such measures names
/// no owner per measure by custom. A document with neither is not judged so.
fn reads_as_rules_for_the_public(text: &str, words: &crate::data::ClauseWords, share: f64) -> bool {
    let Some(markers) = &words.rule_marker_automaton else {
        return false;
    };
    let rules = markers.find_iter(text).count();
    let opens_on_action = |s: &str| {
        // Spaces only: a run of blank lines or tabs is one split point per character, and
        // trimming them all at each would be quadratic (64 KB of newlines took 3 s).
        let s = s.trim_start_matches([' ', '\u{3000}']);
        let s = words
            .action_adverbs
            .iter()
            .find_map(|a| s.strip_prefix(a.as_str()))
            .unwrap_or(s);
        words
            .action_openers
            .iter()
            .any(|w| s.starts_with(w.as_str()))
    };
    let actions = std::iter::once(0)
        .chain(
            text.match_indices(['\n', '\t', '。', '；', '，', ','])
                .map(|(i, c)| i + c.len()),
        )
        .filter(|&i| opens_on_action(&text[i..]))
        .count();
    rules > 0 && rules as f64 >= share * actions as f64
}

/// The first mark that the text reports on a document, when there are at least two: a
/// reporter's word (`report_markers`: 记者, 获悉, 文件提出) or a short title in 《》 cited as a
/// sentence's subject (《通知》要求: `report_verbs`).
fn report_mark(text: &str, words: &crate::data::OutlineWords) -> Option<Span> {
    let mut marks: Vec<Span> = Vec::new();
    for w in &words.report_markers {
        marks.extend(
            text.match_indices(w.as_str())
                .map(|(i, m)| Span::new(i, i + m.len())),
        );
    }
    for (i, _) in text.match_indices('《') {
        // A short title, six characters at most: look for its 》 that far only (a text of
        // unclosed 《 is not searched to its end once per mark).
        let title_start = i + '《'.len_utf8();
        let Some((close, _)) = text[title_start..]
            .char_indices()
            .take(7)
            .find(|&(_, c)| c == '》')
        else {
            continue;
        };
        let after = title_start + close + '》'.len_utf8();
        let verb = words
            .report_verbs
            .iter()
            .find(|v| text[after..].starts_with(v.as_str()));
        if let (true, Some(v)) = (close > 0, verb) {
            marks.push(Span::new(i, after + v.len()));
        }
    }
    (marks.len() >= 2).then(|| marks.into_iter().min_by_key(|s| s.start))?
}

/// The notice is addressed (its 主送 line near the top, ending with ：) to banks, insurers or
/// enterprises: its measures are theirs to carry out, each naming them as its subject, not
/// units of government to be assigned.
fn addressed_to_the_market(text: &str, words: &[String]) -> bool {
    text.lines().take(12).any(|l| {
        let l = l.trim();
        l.ends_with(super::lex::COLONS)
            && l.chars().count() <= 200
            && words.iter().any(|w| l.contains(w.as_str()))
    })
}

/// The first short line near the top that names a kind of plan, with the lines right above
/// it that begin the same title when it is set over several lines (国务院关于印发国家职业教育改革
/// / 实施方案的通知).
fn title(lines: &[Line], outline: &crate::data::OutlineWords) -> Option<Span> {
    let words = &outline.title_words;
    let labels = crate::data::longest_first(&outline.title_labels);
    let (k, last) = lines.iter().take(20).enumerate().find_map(|(k, l)| {
        let t = trim(l.text);
        // 标 题:海南省…的通知, a site's metadata line: the title after the label.
        let t = super::lex::after_label(t, &labels).map_or(t, trim);
        let n = t.chars().count();
        let ok = (6..=60).contains(&n)
            && !t.contains('。')
            // A label or a sentence leading to what follows, in any width (附件:…,
            // …现将有关事项通知如下:).
            && !t.contains(super::lex::COLONS)
            // A line in brackets is a clause or a note (〔责任单位:市财政局…〕, （征求意见稿）).
            && !t.starts_with(super::lex::is_open)
            && !opens_like_heading(t, outline)
            && words.iter().any(|w| t.contains(w.as_str()));
        ok.then(|| (k, Span::of(l.text, t).shift(l.span.start)))
    })?;
    let mut start = last.start;
    for l in lines[..k].iter().rev().take(3) {
        let t = trim(l.text);
        if !begins_title(t, outline) {
            break;
        }
        start = Span::of(l.text, t).shift(l.span.start).start;
    }
    Some(Span::new(start, last.end))
}

/// A line that opens on an outline number (第二章, 第三条, 一、, （一）, 2.), as the heading
/// grammar reads one: a heading, never the title, whatever words it holds (第二章 规划与建设 in
/// a regulation).
fn opens_like_heading(t: &str, outline: &crate::data::OutlineWords) -> bool {
    let q = super::heading::Quantity {
        after_dot: &outline.quantity_after_dot,
        after_number: &outline.quantity_after_number,
    };
    super::heading::read_number(t, 0, &q).is_some()
}

/// A line that may begin a title set over several lines: short, no sentence or label in it,
/// no document number, heading number, date or letterhead (…人民政府文件, rules/lexicon.toml
/// `letterhead_endings`), no attachment mark (`part_markers`).
fn begins_title(t: &str, outline: &crate::data::OutlineWords) -> bool {
    let n = t.chars().count();
    (2..=40).contains(&n)
        && !t.contains(['。', '：', ':', '∶', '；', '，'])
        && super::lex::doc_number_len(t).is_none()
        && !outline
            .letterhead_endings
            .iter()
            .any(|w| t.ends_with(w.as_str()))
        && !outline
            .part_markers
            .iter()
            .any(|w| t.starts_with(w.as_str()))
        && !t.chars().next().is_some_and(|c| {
            super::lex::is_digit(c) || super::lex::is_chinese_numeral(c) || "（(第".contains(c)
        })
        && t.chars().any(is_cjk)
}

/// Length of `YYYY年M月D日` at the start of `s` (either digit width, or 二〇二三年五月四日).
fn full_date_len(s: &str) -> Option<usize> {
    match super::deadline::date(s) {
        Ok((rest, d)) if d.day.is_some() => Some(s.len() - rest.len()),
        _ => None,
    }
}

/// The validity clause of a line: a validity word with a number within eight characters after
/// it (有效期至2023年12月31日, 有效期为3年, 有效期三年), up to its clause end.
fn validity_in(line: &str, words: &[String]) -> Option<Span> {
    words.iter().find_map(|w| {
        let at = line.find(w.as_str())?;
        let after = &line[at + w.len()..];
        let numbered = after
            .chars()
            .take(8)
            .any(|c| super::lex::is_digit(c) || "一二三四五六七八九十两".contains(c));
        let end = after
            .find(['，', '。', '；', ',', ';'])
            .map_or(line.len(), |k| at + w.len() + k);
        numbered.then(|| Span::new(at, end))
    })
}

/// `（2023—2025年）`, `2021-2025年`: two years joined by a dash or 至 in a title.
fn title_period(title: &str) -> Option<(i32, i32)> {
    let start = first_year(title)?;
    let at = title.find(&start.to_string())?;
    let rest = &title[at + 4..];
    let rest = rest.trim_start_matches(|c: char| "—–-－~～至到 ".contains(c));
    let end = first_year(rest.get(..4)?)?;
    (end > start).then_some((start, end))
}

/// The year of the first four-digit year (of either width) standing alone in `s`.
fn first_year(s: &str) -> Option<i32> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    (0..chars.len()).find_map(|k| {
        let digit = |j: usize| chars.get(j).is_some_and(|(_, c)| super::lex::is_digit(*c));
        let ok = (0..4).all(|d| digit(k + d)) && (k == 0 || !digit(k - 1)) && !digit(k + 4);
        if !ok {
            return None;
        }
        let end = chars.get(k + 4).map_or(s.len(), |(i, _)| *i);
        super::lex::digits_value(&s[chars[k].0..end])
            .map(|y| y as i32)
            .filter(|y| (1949..=2100).contains(y))
    })
}

fn first_year_in_brackets(s: &str) -> Option<i32> {
    let i = s.find(['〔', '[', '［', '（', '('])?;
    first_year(&s[i..])
}

/// 《title》 with the document number in brackets right after it, if any.
fn citations(text: &str) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = text[from..].find('《') {
        let start = from + rel;
        let Some(rel_end) = text[start..].find('》') else {
            break;
        };
        let end = start + rel_end + '》'.len_utf8();
        if text[start..end].contains('\n') {
            from = start + '《'.len_utf8();
            continue;
        }
        let after = &text[end..];
        let number = after
            .strip_prefix('（')
            .or_else(|| after.strip_prefix('('))
            .and_then(|a| {
                super::lex::doc_number_len(a)
                    .map(|n| Span::new(text.len() - a.len(), text.len() - a.len() + n))
            });
        out.push(Citation {
            title: Span::new(start, end),
            number,
        });
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers_and_dates() {
        let text = "湛江市推动低空经济高质量发展行动方案\n（湛府办〔2024〕9号）\n";
        let ls: Vec<Line> = crate::source::lines(text)
            .map(|(span, text)| Line { span, text })
            .collect();
        let blocks: Vec<Block> = ls
            .iter()
            .map(|l| Block::Paragraph(crate::blocks::Paragraph { span: l.span }))
            .collect();
        let f = read(text, &blocks, &crate::data::RuleData::builtin());
        let n = f.doc_number.unwrap();
        assert_eq!(&text[n.start..n.end], "湛府办〔2024〕9号");
        assert_eq!(full_date_len("2022年2月19日"), Some("2022年2月19日".len()));
        assert_eq!(full_date_len("2022年2月"), None);
        assert_eq!(first_year_in_brackets("白府发〔2023〕40号"), Some(2023));
    }

    /// The title read from `text`, as written.
    fn title_of(text: &str) -> Option<String> {
        let data = crate::data::RuleData::builtin();
        let ls: Vec<Line> = crate::source::lines(text)
            .map(|(span, text)| Line { span, text })
            .collect();
        title(&ls, &data.lexicon.outline).map(|s| text[s.start..s.end].to_string())
    }

    /// Titles as corpus 10 and corpus-judged x08, k02 print them: set over two lines, one line
    /// naming 举措, and a letterhead or document number above that is no part of them.
    #[test]
    fn titles_over_several_lines() {
        assert_eq!(
            title_of("国务院关于印发国家职业教育改革\n实施方案的通知\n国发〔2019〕4号\n"),
            Some("国务院关于印发国家职业教育改革\n实施方案的通知".to_string())
        );
        assert_eq!(
            title_of("佛山市促进2022年经济一季度开好局为全年稳中求进夯实基础的若干举措\n为深入学习贯彻……\n"),
            Some("佛山市促进2022年经济一季度开好局为全年稳中求进夯实基础的若干举措".to_string())
        );
        assert_eq!(
            title_of("某某市人民政府文件\n某府发〔2024〕1号\n关于印发某某行动方案的通知\n"),
            Some("关于印发某某行动方案的通知".to_string())
        );
        assert_eq!(
            title_of("某某市人民政府文件\n关于印发某某行动方案的通知\n"),
            Some("关于印发某某行动方案的通知".to_string())
        );
    }

    /// corpus-judged ra04, a14 and pair s12 宁德: a document with no title line, whose first
    /// short lines are a clause in brackets or an attachment mark, or a site's metadata line.
    #[test]
    fn a_clause_a_label_or_a_metadata_line_is_no_title() {
        assert_eq!(
            title_of("为坚决贯彻落实党中央、国务院决策部署，制定如下措施。\n〔责任单位:市自然资源规划局、市财政局、市住房城乡建设局、市税务局〕\n"),
            None
        );
        assert_eq!(
            title_of("附件:2025年春季住房展销会购房补贴方案\n2025年春季住房展销会购房补贴方案\n"),
            Some("2025年春季住房展销会购房补贴方案".to_string())
        );
        assert_eq!(
            title_of("发文机关:省住房公积金管理局\n标 题:海南省住房公积金管理局关于进一步优化调整住房公积金贷款政策的通知\n"),
            Some("海南省住房公积金管理局关于进一步优化调整住房公积金贷款政策的通知".to_string())
        );
    }

    /// Regulations of an unseen batch (2026-12-06, g02 驻马店市燃气管理条例, and eleven 条例 of
    /// corpus-judged) and clause-free measures stored without their title (d02, d09, d10): a
    /// 条例 names itself; a heading (第二章 规划与建设, 一、…措施…, (三)…政策, 2.…) is never the
    /// title, whatever words it holds.
    #[test]
    fn a_regulation_is_titled_and_a_heading_never_is() {
        assert_eq!(
            title_of("驻马店市燃气管理条例\n2020年4月28日 驻马店市第四届人民代表大会常务委员会第二十二次会议通过\n第一章 总则\n第一条 为了加强燃气管理，制定本条例。\n第二章  规划与建设\n"),
            Some("驻马店市燃气管理条例".to_string())
        );
        for heading in [
            "第二章  规划与建设",
            "一、居民住房消费补贴措施及标准",
            "(三)完善住房保障配套政策",
            "（二）补偿方案确定",
            "2.购房人满足以下条件的补贴政策",
        ] {
            let text = format!("为进一步促进我市房地产市场平稳健康发展，制定本方案。\n{heading}\n");
            assert_eq!(title_of(&text), None, "{heading}");
        }
        // A county's measures stored without their title (遂平县, 2022): the preamble's second
        // line names a kind of plan (通知) but leads to what follows, in half-width (如下:).
        assert_eq!(
            title_of("为贯彻落实党中央、国务院决策部署,促进房地产业良性循环和健康发展,\n结合遂平县实际,现将有关事项通知如下:\n一、优化用地供应结构。\n"),
            None
        );
        // A title may open on a year: 2024年 is no outline number.
        assert_eq!(
            title_of("2024年全市安全生产工作要点\n一、总体要求\n"),
            Some("2024年全市安全生产工作要点".to_string())
        );
    }

    #[test]
    fn citations_with_numbers() {
        let t = "贯彻《中共中央 国务院关于深化改革加强食品安全工作的意见》（中发〔2019〕17号）和《条例》";
        let c = citations(t);
        assert_eq!(c.len(), 2);
        assert_eq!(
            &t[c[0].number.unwrap().start..c[0].number.unwrap().end],
            "中发〔2019〕17号"
        );
        assert!(c[1].number.is_none());
    }

    #[test]
    fn an_action_line_counts_once_whatever_blank_lines_stand_before_it() {
        let data = crate::data::RuleData::builtin();
        let words = &data.lexicon.clause;
        let (plan, measures) = (words.rule_share, words.measure_rule_share);
        // One rule (可申请) and one action (推进…): the rules are for the public.
        let text = "符合条件的企业可申请补贴。\n推进项目建设。";
        assert!(reads_as_rules_for_the_public(text, words, plan));
        // Blank lines and a full-width indent before the action line do not make it count more
        // than once: each blank line is a split point of its own, and reading past it to the
        // action counted the action again for every one of them.
        let spaced = "符合条件的企业可申请补贴。\n\n\n\n\u{3000}\u{3000}推进项目建设。";
        assert!(reads_as_rules_for_the_public(spaced, words, plan));
        // Two actions outweigh one rule in a plan; in a list of measures one rule for two
        // actions still reads as rules, and three outweigh it.
        let two = "符合条件的企业可申请补贴。\n推进项目建设。\n加强组织领导。";
        assert!(!reads_as_rules_for_the_public(two, words, plan));
        assert!(reads_as_rules_for_the_public(two, words, measures));
        let three = format!("{two}\n完善工作机制。");
        assert!(!reads_as_rules_for_the_public(&three, words, measures));
    }
}
