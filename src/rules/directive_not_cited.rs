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
    if names.iter().any(|n| contains_squashed(&cx.src.text, n)) {
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

/// Whether `text` without its white space holds `needle` (itself without white space), read
/// in place: the plan is not copied for each directive it is checked against.
fn contains_squashed(text: &str, needle: &str) -> bool {
    let mut rest = needle.chars();
    let Some(first) = rest.next() else {
        return true;
    };
    let rest = rest.as_str();
    text.match_indices(first).any(|(i, _)| {
        let mut after = text[i + first.len_utf8()..]
            .chars()
            .filter(|c| !c.is_whitespace());
        rest.chars().all(|c| after.next() == Some(c))
    })
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
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
        let doc = crate::parse::parse_document(&src, &RuleData::builtin());
        (src, doc)
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
