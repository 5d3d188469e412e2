//! `directive-not-cited` (PL206): the plan cites neither the directive's title nor its number.
//! See rules/rules.toml.

use super::{Context, Findings};
use crate::model::Document;
use crate::source::{SourceFile, Span};

pub const RULE: &str = "directive-not-cited";

/// A plan names what it implements (贯彻落实《…》（…〔2019〕17号）). When it names neither this
/// directive's title nor its number, the comparison may be between siblings that implement a
/// common parent, not between a plan and its directive: say so, and name the parent they share.
pub fn run(cx: &Context, out: &mut Findings) {
    let Some(ag) = &cx.against else { return };
    let names = names_of(ag.src, ag.doc);
    if names.is_empty() {
        return; // nothing the directive is known by
    }
    let plan = cite_form(&cx.src.text);
    if names.iter().any(|n| plan.contains(cite_form(n).as_str())) {
        return;
    }
    let theirs = numbers(ag.src, ag.doc);
    let shared: Vec<String> = numbers(cx.src, cx.doc)
        .into_iter()
        .filter(|n| theirs.contains(n))
        .collect();
    let span = cx.doc.facts.title.unwrap_or_else(|| {
        Span::new(
            0,
            cx.src.text.find(['\n', '\r']).unwrap_or(cx.src.text.len()),
        )
    });
    let named = names
        .iter()
        .map(|n| format!("「{n}」"))
        .collect::<Vec<_>>()
        .join(" / ");
    let message = if shared.is_empty() {
        t!(cx, "message", named = named)
    } else {
        t!(cx, "siblings", named = named, shared = shared.join("、"))
    };
    out.report(RULE, span, message).help(t!(cx, "help"));
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A text as a citation is compared: without spaces, and with the marks a copy writes in
/// several widths and shapes brought to one — dashes and tildes of a period （2026—2027年 /
/// 2026-2027年 / 2026～2027年）, brackets of either width, the brackets of a year in a number
/// (〔2022〕 / [2022] / 【2022】), quotation marks. A run of dashes is one.
fn cite_form(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        let c = match c {
            '—' | '–' | '－' | '‐' | '‑' | '―' | '─' | '~' | '～' | '〜' => '-',
            '（' => '(',
            '）' => ')',
            '［' | '[' | '【' | '〔' => '〔',
            '］' | ']' | '】' | '〕' => '〕',
            '“' | '”' | '＂' | '「' | '」' => '"',
            c => c,
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    out
}

/// The directive's title (without 关于印发 … 的通知 around it), the titles it cites of itself,
/// and its document number: what a plan implementing it would cite.
fn names_of(src: &SourceFile, doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(n) = doc.facts.doc_number {
        out.push(squash(src.slice(n)));
    }
    if let Some(t) = doc.facts.title {
        let title = core(&squash(src.slice(t)));
        if title.chars().count() >= 6 {
            // Its own title as its notice cites it (《鄂尔多斯市关于…的若干措施》).
            for c in &doc.facts.cited {
                let cited = core(&squash(src.slice(c.title)));
                if cited.contains(&title) || title.contains(&cited) && cited.chars().count() >= 6 {
                    out.push(cited);
                }
            }
            out.push(title);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A title without its book marks and the words of the notice that issues it.
fn core(t: &str) -> String {
    let t = t.trim_matches(['《', '》']);
    let t = t.rsplit_once("关于印发").map_or(t, |(_, r)| r);
    let t = t.strip_suffix("的通知").unwrap_or(t);
    t.trim_matches(['《', '》', '〈', '〉']).to_string()
}

/// The document numbers a text cites.
fn numbers(src: &SourceFile, doc: &Document) -> Vec<String> {
    let mut v: Vec<String> = doc
        .facts
        .cited
        .iter()
        .filter_map(|c| c.number.map(|n| squash(src.slice(n))))
        .collect();
    v.sort();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::RuleData;

    fn read(text: &str) -> (SourceFile, Document) {
        let src = SourceFile::new("d.txt", text);
        let doc = crate::reading::parse_document(&src, &RuleData::builtin());
        (src, doc)
    }

    /// A plan that copies the directive's title with another dash or bracket width cites it
    /// (深圳市龙岗区 cites 《深圳市打造人工智能OPC创业生态引领地行动计划（2026-2027年）》 of a
    /// directive titled with an em dash; pairs/shenzhen-longgang-opc).
    #[test]
    fn a_citation_is_read_whatever_dash_or_bracket_it_is_written_with() {
        assert_eq!(
            cite_form("行动计划（2026—2027年）"),
            cite_form("行动计划(2026-2027年)")
        );
        assert_eq!(
            cite_form("行动计划（2026——2027年）"),
            "行动计划(2026-2027年)"
        );
        assert_eq!(
            cite_form("粤府办[2022] 12号"),
            cite_form("粤府办〔2022〕12号")
        );
        assert_ne!(
            cite_form("行动计划（2026—2027年）"),
            cite_form("行动计划（2026—2028年）")
        );
        let directive = "深工信〔2026〕2号\n深圳市打造人工智能OPC创业生态引领地行动计划（2026—2027年）\n一、任务\n（一）建设社区。（市工业和信息化局负责）\n";
        let plan = |cite: &str| {
            format!("龙岗区若干措施\n为贯彻落实《{cite}》，制定本措施。\n一、支持\n（一）建设社区。（区科技局负责）\n")
        };
        let run = |p: &str| crate::testing::findings_against(p, directive, RULE).len();
        assert_eq!(
            run(&plan(
                "深圳市打造人工智能OPC创业生态引领地行动计划（2026-2027年）"
            )),
            0
        );
        assert_eq!(run(&plan("深圳市打造人工智能OPC创业生态引领地行动计划")), 1);
    }

    #[test]
    fn a_directive_is_known_by_its_number_and_its_title() {
        let (src, doc) = read("内食安委发〔2018〕3号\n关于印发《内蒙古自治区2018年食品安全重点工作安排》的通知\n为贯彻落实《中共中央 国务院关于深化改革加强食品安全工作的意见》（中发〔2019〕17号），制定本安排。\n一、任务\n（一）加强监管。（自治区市场监管局负责）\n");
        assert_eq!(
            names_of(&src, &doc),
            vec![
                "内蒙古自治区2018年食品安全重点工作安排".to_string(),
                "内食安委发〔2018〕3号".to_string()
            ]
        );
        assert_eq!(numbers(&src, &doc), vec!["中发〔2019〕17号".to_string()]);
        // A title of five characters says too little to look for.
        let (src, doc) = read(
            "关于印发《食品工作》的通知\n一、任务\n（一）加强监管。（自治区市场监管局负责）\n",
        );
        assert_eq!(names_of(&src, &doc), Vec::<String>::new());
        let (src, doc) = read(
            "关于印发《食品安全工作》的通知\n一、任务\n（一）加强监管。（自治区市场监管局负责）\n",
        );
        assert_eq!(names_of(&src, &doc), vec!["食品安全工作".to_string()]);
    }
}
