//! Accepting findings without editing the plan: `[[ignore]]` entries of planlint.toml,
//! `<!-- planlint-disable RULE -->` regions in Markdown plans, and the baseline file of
//! findings recorded earlier. Each reports what it did not use, so nothing stale hides new
//! problems.

use crate::config::{Config, Ignore};
use crate::finding::Finding;
use crate::source::{SourceFile, Span};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Text with all white space removed: fragments match across line breaks and indentation.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The whole lines a finding covers, squashed: where an ignore fragment is looked for, beside
/// the directive task a comparative finding quotes.
fn lines_of(src: &SourceFile, lines: (usize, usize)) -> String {
    let start = src.line_start(lines.0).unwrap_or(0);
    let end = src.line_start(lines.1 + 1).unwrap_or(src.text.len());
    squash(src.slice(Span::new(start, end)))
}

/// Which ignore entries a file used, and which it could have used: their text is in the file
/// (or its directive). Only an entry that could have been used and was not is stale; one whose
/// text is in no checked file was simply not tested by this run (pre-commit checks a few files).
#[derive(Debug, Default)]
pub struct IgnoreUse {
    pub used: Vec<usize>,
    pub present: Vec<usize>,
}

/// Drops findings accepted by config ignore entries.
pub fn apply_ignores(
    config: &Config,
    path: &str,
    src: &SourceFile,
    directive: Option<&SourceFile>,
    findings: &mut Vec<Finding>,
) -> IgnoreUse {
    let applicable: Vec<(usize, &Ignore, String)> = config
        .ignores
        .iter()
        .enumerate()
        .filter(|(_, i)| i.path.as_ref().is_none_or(|p| config.matches(p, path)))
        .map(|(k, i)| (k, i, squash(&i.text)))
        .collect();
    if applicable.is_empty() {
        return IgnoreUse::default();
    }
    let mut whole = squash(&src.text);
    if let Some(d) = directive {
        whole.push_str(&squash(&d.text));
    }
    let present = applicable
        .iter()
        .filter(|(_, _, text)| whole.contains(text.as_str()))
        .map(|(k, _, _)| *k)
        .collect();
    // One long line may hold thousands of findings: which fragments its lines hold is worked
    // out once per line range, not once per finding.
    let mut in_lines: HashMap<(usize, usize), Vec<bool>> = HashMap::new();
    let mut used = Vec::new();
    findings.retain(|f| {
        let lines = (src.line_of(f.span.start), src.line_of(f.span.end));
        let held = in_lines.entry(lines).or_insert_with(|| {
            let text = lines_of(src, lines);
            applicable
                .iter()
                .map(|(_, _, t)| text.contains(t.as_str()))
                .collect()
        });
        let quoted = match (&f.directive, directive) {
            (Some(d), Some(dsrc)) => squash(dsrc.slice(d.span)),
            _ => String::new(),
        };
        let hit = applicable
            .iter()
            .zip(held.iter())
            .find(|((_, i, text), held)| {
                i.rule == f.rule && (**held || quoted.contains(text.as_str()))
            });
        match hit {
            Some(((k, _, _), _)) => {
                used.push(*k);
                false
            }
            None => true,
        }
    });
    used.sort_unstable();
    used.dedup();
    IgnoreUse { used, present }
}

/// A `<!-- planlint-disable … -->` region of a Markdown plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// The comment that opened it.
    pub comment: Span,
    /// Rule names or codes; empty means every rule.
    pub rules: Vec<String>,
    /// From the end of the opening comment to the start of the closing one (or the end).
    pub covers: Span,
}

/// Disable regions of Markdown text. `<!-- planlint-enable -->` closes every open region;
/// `<!-- planlint-enable RULE -->` closes that rule's. A comment counts only on lines of its
/// own outside fenced code: quoted in a code span, a table cell or a code block it is an
/// example, and turns nothing off.
pub fn regions(text: &str) -> Vec<Region> {
    let fences = fenced(text);
    let mut fence = fences.iter().peekable();
    let mut out: Vec<Region> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find("<!--") {
        let start = at + i;
        let Some(j) = text[start..].find("-->") else {
            break;
        };
        let end = start + j + 3;
        at = end;
        while fence.next_if(|f| f.end <= start).is_some() {}
        let in_fence = fence.peek().is_some_and(|f| f.start <= start);
        if in_fence || !alone_on_its_lines(text, start, end) || indented_code(text, start) {
            continue;
        }
        let body = text[start + 4..start + j].trim();
        let mut words = body.split(|c: char| c.is_whitespace() || c == ',');
        let directive = words.next().unwrap_or("");
        let rules: Vec<String> = words
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        match directive {
            "planlint-disable" => {
                out.push(Region {
                    comment: Span::new(start, end),
                    rules,
                    covers: Span::new(end, text.len()),
                });
                open.push(out.len() - 1);
            }
            "planlint-enable" => {
                open.retain(|&k| {
                    let closes = rules.is_empty() || out[k].rules.iter().any(|r| rules.contains(r));
                    if closes {
                        out[k].covers.end = start;
                    }
                    !closes
                });
            }
            _ => {}
        }
    }
    out
}

/// Whether only white space stands beside `start..end` on its first and last lines (looked at
/// only as far as the first other character, so a long line of comments is not rescanned).
fn alone_on_its_lines(text: &str, start: usize, end: usize) -> bool {
    fn blank_to_break(mut it: impl Iterator<Item = char>) -> bool {
        it.find(|c| *c == '\n' || !c.is_whitespace())
            .is_none_or(|c| c == '\n')
    }
    blank_to_break(text[..start].chars().rev()) && blank_to_break(text[end..].chars())
}

/// Whether the line of `start` is indented by four columns or more (a tab counts four): in
/// Markdown such a line is code (or the text of a paragraph), never an HTML comment of its own.
fn indented_code(text: &str, start: usize) -> bool {
    let line = text[..start].rfind('\n').map_or(0, |k| k + 1);
    let columns: usize = text[line..start]
        .chars()
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    columns >= 4
}

/// The fenced code blocks (``` or ~~~ to the same fence, or to the end) of Markdown text.
fn fenced(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (span, line) in crate::source::lines(text) {
        let t = line.trim_start();
        let mark = ["```", "~~~"].into_iter().find(|m| t.starts_with(m));
        match (open, mark) {
            (None, Some(m)) => open = Some((span.start, m)),
            (Some((from, m)), Some(n)) if m == n => {
                out.push(Span::new(from, span.end));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((from, _)) = open {
        out.push(Span::new(from, text.len()));
    }
    out
}

/// Drops findings inside disable regions; reports regions that suppressed nothing.
pub fn apply_regions(text: &str, findings: &mut Vec<Finding>) -> Vec<Region> {
    let regions = regions(text);
    let mut used = vec![false; regions.len()];
    findings.retain(|f| {
        let hit = regions.iter().position(|r| {
            r.covers.start <= f.span.start
                && f.span.start < r.covers.end
                && (r.rules.is_empty()
                    || r.rules
                        .iter()
                        .any(|x| *x == f.rule || x.eq_ignore_ascii_case(&f.code)))
        });
        if let Some(k) = hit {
            used[k] = true;
        }
        hit.is_none()
    });
    regions
        .into_iter()
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(r, _)| r)
        .collect()
}

/// 64-bit FNV-1a: a fingerprint that is the same on every machine and Rust version.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A finding's fingerprint: its rule and the text it is about (never its line), so it survives
/// lines inserted above it. Repeats of one fingerprint in a file are numbered.
pub fn fingerprints(
    src: &SourceFile,
    findings: &[Finding],
    directive: Option<&SourceFile>,
) -> Vec<String> {
    let mut seen: BTreeMap<u64, usize> = BTreeMap::new();
    findings
        .iter()
        .map(|f| {
            let mut key = f.rule.clone();
            key.push('\u{0}');
            key.push_str(&squash(src.slice(f.span)));
            if let (Some(d), Some(dsrc)) = (&f.directive, directive) {
                key.push('\u{0}');
                key.push_str(&squash(dsrc.slice(d.span)));
            }
            let h = fnv1a(key.as_bytes());
            let n = seen.entry(h).or_default();
            *n += 1;
            format!("{h:016x}-{n}")
        })
        .collect()
}

/// The baseline file: findings accepted as they stood when it was written.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// For people reading the file; not used for matching.
    pub line: usize,
    pub message: String,
}

impl Baseline {
    pub fn read(path: &std::path::Path) -> Result<Baseline, String> {
        let text = crate::input::read_text(path)
            .map_err(|e| format!("baseline {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| {
            format!(
                "baseline {} is not a planlint baseline: {e}",
                path.display()
            )
        })
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Drops findings the baseline holds; returns how many it dropped.
    pub fn apply(&self, path: &str, fingerprints: &[String], findings: &mut Vec<Finding>) -> usize {
        let known: std::collections::HashSet<(&str, &str)> = self
            .findings
            .iter()
            .filter(|e| e.path == path)
            .map(|e| (e.rule.as_str(), e.fingerprint.as_str()))
            .collect();
        let before = findings.len();
        let mut k = 0;
        findings.retain(|f| {
            let keep = !known.contains(&(f.rule.as_str(), fingerprints[k].as_str()));
            k += 1;
            keep
        });
        before - findings.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_open_and_close() {
        let text = "a\n<!-- planlint-disable missing-lead -->\nb\n<!-- planlint-enable -->\nc\n<!-- planlint-disable -->\nd";
        let r = regions(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].rules, ["missing-lead"]);
        assert_eq!(&text[r[0].covers.start..r[0].covers.end], "\nb\n");
        assert!(r[1].rules.is_empty());
        assert_eq!(&text[r[1].covers.start..r[1].covers.end], "\nd");
    }

    // Issue #21: a disable comment quoted in a code span, a table cell or a fenced block is
    // an example, not a switch.
    #[test]
    fn quoted_disable_comments_turn_nothing_off() {
        let text =
            "用 `<!-- planlint-disable -->` 关闭检查\n| 说明 | <!-- planlint-disable --> |\n\
            ```\n<!-- planlint-disable -->\n```\n  <!-- planlint-disable vague-lead -->  \nx";
        let r = regions(text);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].rules, ["vague-lead"]);
        assert_eq!(&text[r[0].covers.start..r[0].covers.end], "  \nx");
        // An indented code block (four spaces or a tab) is an example too; three spaces are
        // still the comment's own line.
        let text = "a\n\n    <!-- planlint-disable -->\n\n\t<!-- planlint-disable missing-lead -->\n\n   <!-- planlint-disable vague-lead -->\nx";
        let r = regions(text);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].rules, ["vague-lead"]);
    }

    #[test]
    fn fnv_is_the_reference_function() {
        // Reference values of 64-bit FNV-1a.
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }
}
