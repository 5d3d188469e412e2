//! `obsolete-agency` (PL105): a unit abolished by the 2018 reform in a later plan. See
//! rules/rules.toml and rules/agencies.toml.

use super::{Context, Findings};
use crate::model::YearSource;
use crate::source::Span;

pub const RULE: &str = "obsolete-agency";

pub fn run(cx: &Context, out: &mut Findings) {
    let Some((year, source)) = cx.doc.facts.year else {
        return;
    };
    let text = &cx.src.text;
    let renames: Vec<_> = cx
        .data
        .agencies
        .rename
        .iter()
        .filter(|r| year > r.valid_until)
        .collect();
    // Every old name in one pass over the text: at each place the longest name that starts
    // there, so 食品药品监督管理局 is never also reported as a shorter name inside it, and a
    // historical mention (原…) hides the names inside it too.
    // A plan later than every rename (the common case) uses the automaton of all old names
    // built once at load; an earlier one builds its own of the names already abolished.
    let own;
    let finder = if renames.len() == cx.data.agencies.rename.len() {
        match &cx.data.agencies.old_names {
            Some(f) => f,
            None => return,
        }
    } else {
        let Ok(f) = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(renames.iter().map(|r| r.old.as_str()))
        else {
            return;
        };
        own = f;
        &own
    };
    let mut titles = TitleDepth::default();
    for m in finder.find_iter(text.as_str()) {
        let r = renames[m.pattern().as_usize()];
        let span = Span::new(m.start(), m.end());
        if titles.inside(text, span.start) || is_historical(cx, span.start) {
            continue;
        }
        let dated = match source {
            YearSource::Citations => t!(cx, "dated-citations", year = year),
            _ => t!(cx, "dated", year = year),
        };
        out.report(
            RULE,
            span,
            t!(
                cx,
                "message",
                old = r.old,
                reform = r.valid_until,
                dated = dated
            ),
        )
        .help(t!(cx, "help", new = r.new));
    }
}

fn is_historical(cx: &Context, at: usize) -> bool {
    let before = &cx.src.text[..at];
    cx.data.agencies.historical_prefixes.iter().any(|p| {
        // 原国家食品药品监管总局: the prefix may stand before the level word (国家/自治区/市).
        crate::lex::last_chars(before, 6).contains(p.as_str())
    })
}

/// A name inside 《…》 is part of a document's title, which keeps its old wording: more 《 than
/// 》 stand before it on its line. Matches come in text order, so the count is carried from one
/// to the next and each character is read once, however many names one long line holds.
#[derive(Default)]
struct TitleDepth {
    at: usize,
    open: isize,
}

impl TitleDepth {
    fn inside(&mut self, text: &str, at: usize) -> bool {
        for c in text[self.at..at].chars() {
            match c {
                '\n' => self.open = 0,
                '《' => self.open += 1,
                '》' => self.open -= 1,
                _ => {}
            }
        }
        self.at = at;
        self.open > 0
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_after_the_reform() {
        let plan = "白府发〔2023〕40号\n一、任务\n（一）建设。加强区食品药品监督管理局建设。（区委办公室负责）\n";
        let f = findings_of(plan, super::RULE);
        assert_eq!(
            f,
            vec![(
                3,
                10,
                "食品药品监督管理局 was abolished in the 2018 reform (the plan is dated 2023)"
                    .to_string()
            )]
        );
    }

    #[test]
    fn names_in_document_titles_are_silent_up_to_the_closing_bracket() {
        let plan = "白府发〔2023〕40号\n一、任务\n（一）按照《区食品药品监督管理局工作规则》，加强区食品药品监督管理局建设。\n（二）《关于区食品药品监督管理局\n区食品药品监督管理局建设。\n";
        let lines: Vec<usize> = findings_of(plan, super::RULE).iter().map(|f| f.0).collect();
        assert_eq!(lines, vec![3, 5]);
        let columns: Vec<usize> = findings_of(plan, super::RULE).iter().map(|f| f.1).collect();
        assert_eq!(columns, vec![26, 2]);
    }

    #[test]
    fn silent_in_plans_of_the_reform_year_and_on_historical_mentions() {
        let plan = "2018年某市食品安全重点工作安排\n一、任务\n（一）建设。加强市环保局建设。（市环保局负责）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
        let plan = "白府发〔2023〕40号\n一、任务\n（一）建设。按照原国家食品药品监管总局要求。（区委办公室负责）\n";
        assert!(findings_of(plan, super::RULE).is_empty());
    }
}
