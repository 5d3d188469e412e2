//! `wrapped-lines` (PL124): a text file wrapped at a fixed width, one printed line per line (a
//! PDF's text layer pasted as it is). See rules/rules.toml.
//!
//! planlint reads a text file one paragraph per line. Wrapped at the width of a page, a file
//! breaks headings (`一` / `、降低家庭生育成本`), responsibility clauses and unit names (`市人力资源
//! 和社会保` / `障局`) over lines, and what planlint reads is not the document: its tasks, leads
//! and findings cannot be trusted, and none of them says so. Said once, at the first wrapped line,
//! when the lines of a text show one width:
//!
//! ```text
//! lines   := the lines of 15 characters or more that are no table row; ten at least
//! width   := the 4-character band of lengths holding most lines (the narrowest one on a tie)
//! wrapped := half of the lines or more in the band, a fifth at most longer than it, and
//!            half or more of those in the band ending mid-sentence (no 。；！？： or closing mark)
//! ```
//! A plan written one paragraph per line has paragraphs of every length, most far longer than
//! any heading, and none of the corpora's documents shows a band; a wrapped one has almost no
//! line longer than its width.

use super::{Context, Findings};
use crate::source::{Format, SourceFile, Span};

pub const RULE: &str = "wrapped-lines";

/// Lines shorter than this are headings, titles and the ends of paragraphs: not counted.
const SHORTEST: usize = 15;
/// Fewer counted lines than this tell no width.
const FEWEST: usize = 10;
/// No page is wider than this (characters): a longer line is a paragraph, and the widths tried
/// stop here (a file of one enormous line costs no table of its length).
const WIDEST: usize = 200;

pub fn run(cx: &Context, out: &mut Findings) {
    let Some(w) = cx.wrapped() else {
        return;
    };
    out.report(
        RULE,
        w.first,
        t!(
            cx,
            "message",
            width = w.width,
            open = w.open,
            lines = w.lines
        ),
    )
    .help(t!(cx, "help"));
}

/// What shows a text wrapped at one width.
#[derive(Debug, PartialEq)]
pub struct Wrapped {
    /// The first line of the band that ends mid-sentence.
    pub first: Span,
    pub width: usize,
    /// Lines of the band ending mid-sentence, and lines counted.
    pub open: usize,
    pub lines: usize,
}

/// The source read as a text wrapped at one width, if it shows one (rules ask through
/// [`Context::wrapped`], computed once per plan).
pub(crate) fn wrapped_source(src: &SourceFile) -> Option<Wrapped> {
    // Word, PDF and the other readers build their own paragraphs.
    if !matches!(src.format, Format::Text | Format::Markdown) {
        return None;
    }
    wrapped(&src.text)
}

fn wrapped(text: &str) -> Option<Wrapped> {
    let mut lines: Vec<(Span, usize, char)> = Vec::new();
    for (line, body) in crate::source::lines(text) {
        let trimmed = body.trim();
        let n = trimmed.chars().count();
        if n >= SHORTEST && !trimmed.contains('\t') {
            let start = line.start + (body.len() - body.trim_start().len());
            let last = trimmed.chars().next_back().unwrap_or(' ');
            lines.push((Span::new(start, start + trimmed.len()), n, last));
        }
    }
    if lines.len() < FEWEST {
        return None;
    }
    let longest = lines.iter().map(|l| l.1).max().unwrap_or(0).min(WIDEST);
    let mut count = vec![0usize; longest + 3];
    for l in lines.iter().filter(|l| l.1 <= WIDEST) {
        count[l.1] += 1;
    }
    let band = |w: usize| {
        (w - 2..=w + 1)
            .map(|x| count.get(x).copied().unwrap_or(0))
            .sum::<usize>()
    };
    let width = (SHORTEST..=longest).max_by_key(|&w| (band(w), std::cmp::Reverse(w)))?;
    let in_band = |n: usize| width - 2 <= n && n <= width + 1;
    let near: Vec<&(Span, usize, char)> = lines.iter().filter(|l| in_band(l.1)).collect();
    let longer = lines.iter().filter(|l| l.1 > width + 3).count();
    let open: Vec<&&(Span, usize, char)> = near.iter().filter(|l| !closes(l.2)).collect();
    let shows =
        near.len() * 2 >= lines.len() && longer * 5 <= lines.len() && open.len() * 2 >= near.len();
    shows.then(|| Wrapped {
        first: open.first().map_or(near[0].0, |l| l.0),
        width,
        open: open.len(),
        lines: lines.len(),
    })
}

/// A character that ends a sentence or a clause, or closes a bracket or a quote.
fn closes(c: char) -> bool {
    "。；;！!？?：:”’）)〕】」』》".contains(c)
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    /// The shape of corpus-judged i01 (南充市稳定新出生人口规模六条措施, copied from a PDF one
    /// printed line per line).
    const WRAPPED: &str = "南充市稳定新出生人口规模六条措施\n为深入贯彻落实《中共中央 国务院关于优化生育政策促进\n人口长期均衡发展的决定》等系列部署要求，积极应对我市人\n口发展面临的新形势，顺应人民群众期盼，构建生育、养育、\n教育支持政策体系，结合南充实际，制定如下政策措施。\n一、降低家庭生育成本\n（一）结婚助力。积极搭建婚恋平台、抵制高价彩礼、倡导\n文明婚俗新风，切实减轻婚嫁负担。为双方均是首次结婚登记\n且登记地在南充市范围内的夫妻，提供一次性个人住房消费贷\n款财政贴息。〔责任单位：市民政局，市公安局、市财政局、\n市总工会、团市委、市妇联、各县（市、区）人民政府〕\n（二）生育关爱。为已参加我市基本医疗保险的二孩、三孩，\n全额购买婴幼儿百万补充医疗保险至3岁。适时新增报销产前\n检查费，提高生育医疗费报销标准。〔责任单位：市医保局，\n市卫生健康委、各县（市、区）人民政府〕\n";

    #[test]
    fn a_text_wrapped_at_one_width_is_said_once_at_its_first_wrapped_line() {
        assert_eq!(
            findings_of(WRAPPED, super::RULE),
            vec![(
                2,
                1,
                "the text looks wrapped at about 26 characters a line (10 of its 14 longer lines end mid-sentence there); planlint reads one paragraph per line, so headings, clauses and unit names broken across lines are misread".to_string()
            )]
        );
    }

    #[test]
    fn the_same_text_one_paragraph_per_line_is_quiet() {
        let joined = "南充市稳定新出生人口规模六条措施\n为深入贯彻落实《中共中央 国务院关于优化生育政策促进人口长期均衡发展的决定》等系列部署要求，积极应对我市人口发展面临的新形势，顺应人民群众期盼，构建生育、养育、教育支持政策体系，结合南充实际，制定如下政策措施。\n一、降低家庭生育成本\n（一）结婚助力。积极搭建婚恋平台、抵制高价彩礼、倡导文明婚俗新风，切实减轻婚嫁负担。为双方均是首次结婚登记且登记地在南充市范围内的夫妻，提供一次性个人住房消费贷款财政贴息。〔责任单位：市民政局，市公安局、市财政局、市总工会、团市委、市妇联、各县（市、区）人民政府〕\n（二）生育关爱。为已参加我市基本医疗保险的二孩、三孩，全额购买婴幼儿百万补充医疗保险至3岁。适时新增报销产前检查费，提高生育医疗费报销标准。〔责任单位：市医保局，市卫生健康委、各县（市、区）人民政府〕\n";
        assert_eq!(findings_of(joined, super::RULE), vec![]);
        // Headings of one length between long paragraphs are no band (花都区…若干措施).
        let headings = "花都区若干措施\n".to_string()
            + &"一、推行商品房预售定学位网签即入学政策\n非广州市户籍人员在花都区行政区域内购买新建商品住房的，可按规定申请其子女在花都区入读义务教育阶段公办学校，进一步完善配套教育资源供给。\n".repeat(12);
        assert_eq!(findings_of(&headings, super::RULE), vec![]);
    }
}
