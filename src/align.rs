//! Matching directive tasks and targets to the plan's.
//!
//! Tasks are compared by the Dice similarity of their character bigrams (CJK text, digits and
//! punctuation dropped), found through an inverted bigram index so that the cost grows with
//! the bigrams two documents share, not with the product of their task counts. A directive
//! task matches every plan task scoring at least `min_similarity` and within `split_ratio` of
//! its best (one task split into several); a plan task may carry several directive tasks
//! (merged). Body tasks match body tasks and table tasks table tasks, unless the plan has no
//! tasks of that kind (the plan moved them into a table, or out of one).
//!
//! Targets are matched on their own, by unit and by the sentence around them, so that targets
//! outside any task (工作目标) are compared too. Everything is deterministic: ties go to the
//! earlier task.

use crate::data::RuleData;
use crate::model::{Document, Origin, Target};
use crate::source::{is_cjk, SourceFile, Span};
// Bigram keys are integers we made ourselves: a fast non-DoS-resistant hash is right here.
use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub directive: usize,
    pub plan: usize,
    pub score: f64,
    /// Stretches of text both tasks share, longest first: why they were matched.
    pub shared_terms: Vec<String>,
    /// The plan task also carries other directive tasks (they were merged).
    pub shared: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetPair {
    pub directive: usize,
    pub plan: usize,
    pub score: f64,
}

#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
    pub unmatched_directive: Vec<usize>,
    pub unmatched_plan: Vec<usize>,
    pub targets: Vec<TargetPair>,
}

/// Thresholds, from the catalogue entry of `missing-task` (params), with these defaults.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    pub min_similarity: f64,
    pub split_ratio: f64,
    pub target_similarity: f64,
}

impl Thresholds {
    pub fn from_data(data: &RuleData) -> Thresholds {
        let get =
            |rule: &str, key: &str, default: f64| data.catalogue.param_f64(rule, key, default);
        Thresholds {
            min_similarity: get("missing-task", "min_similarity", 0.42),
            split_ratio: get("missing-task", "split_ratio", 0.85),
            target_similarity: get("weakened-target", "min_context_similarity", 0.5),
        }
    }
}

/// Bigram ids of a text: CJK and ASCII letters only, so numbering, punctuation and numbers do
/// not make tasks alike.
fn bigrams(text: &str) -> Vec<u64> {
    let chars: Vec<char> = text
        .chars()
        .filter(|&c| is_cjk(c) || c.is_ascii_alphabetic())
        .collect();
    let mut v: Vec<u64> = chars
        .windows(2)
        .map(|w| ((w[0] as u64) << 21) | w[1] as u64)
        .collect();
    v.sort_unstable();
    v
}

/// Dice similarity of two sorted bigram multisets.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// A task's comparable text: its statement, with the responsibility clause left out.
fn task_text<'a>(src: &'a SourceFile, doc: &Document, k: usize) -> &'a str {
    src.slice(doc.tasks[k].text)
}

pub fn align(
    plan_src: &SourceFile,
    plan: &Document,
    dir_src: &SourceFile,
    dir: &Document,
    data: &RuleData,
) -> Alignment {
    let th = Thresholds::from_data(data);
    let plan_bg: Vec<Vec<u64>> = (0..plan.tasks.len())
        .map(|k| bigrams(task_text(plan_src, plan, k)))
        .collect();
    let dir_bg: Vec<Vec<u64>> = (0..dir.tasks.len())
        .map(|k| bigrams(task_text(dir_src, dir, k)))
        .collect();
    let index = inverted(&plan_bg);
    let mut counts = Counts::new(plan.tasks.len());
    let plan_has = |o: Origin| plan.tasks.iter().any(|t| t.origin == o);

    let mut pairs = Vec::new();
    let mut unmatched_directive = Vec::new();
    for (d, dbg) in dir_bg.iter().enumerate() {
        let origin = dir.tasks[d].origin;
        let same_kind_only = plan_has(origin);
        let mut scored: Vec<(usize, f64)> = candidates(&index, dbg, th.min_similarity, &mut counts)
            .into_iter()
            .filter(|&p| !same_kind_only || plan.tasks[p].origin == origin)
            // Dice ≥ t needs 2·min(|a|,|b|) ≥ t·(|a|+|b|): lengths rule most candidates out.
            .filter(|&p| {
                let (a, b) = (dbg.len() as f64, plan_bg[p].len() as f64);
                2.0 * a.min(b) >= th.min_similarity * (a + b)
            })
            .map(|p| (p, dice(dbg, &plan_bg[p])))
            .filter(|&(_, s)| s >= th.min_similarity)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let Some(&(_, best)) = scored.first() else {
            unmatched_directive.push(d);
            continue;
        };
        for (p, s) in scored
            .into_iter()
            .take_while(|&(_, s)| s >= best * th.split_ratio)
            .take(MAX_SPLIT)
        {
            let terms = shared_terms(task_text(dir_src, dir, d), task_text(plan_src, plan, p));
            pairs.push(Pair {
                directive: d,
                plan: p,
                score: s,
                shared_terms: terms,
                shared: false,
            });
        }
    }
    let mut carried: HashMap<usize, usize> = HashMap::default();
    for p in &pairs {
        *carried.entry(p.plan).or_default() += 1;
    }
    for p in &mut pairs {
        p.shared = carried[&p.plan] > 1;
    }
    let unmatched_plan = (0..plan.tasks.len())
        .filter(|p| !carried.contains_key(p))
        .collect();
    let targets = align_targets(plan_src, plan, dir_src, dir, th, data, &pairs);
    Alignment {
        pairs,
        unmatched_directive,
        unmatched_plan,
        targets,
    }
}

fn inverted(docs: &[Vec<u64>]) -> HashMap<u64, Vec<usize>> {
    let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
    for (k, bg) in docs.iter().enumerate() {
        let mut last = None;
        for &g in bg {
            if last != Some(g) {
                index.entry(g).or_default().push(k);
                last = Some(g);
            }
        }
    }
    index
}

/// Plan tasks that can reach Dice similarity `min` with the query, in task order.
///
/// Prefix filtering keeps this near linear: Dice ≥ t between a query of n bigrams and any task
/// needs at least m = t·n/(2−t) shared bigrams (the overlap is at most the task's size), so a
/// task sharing none of the query's n−m+1 rarest bigrams cannot qualify. The common bigrams
/// (食品, 安全, 负责), whose posting lists hold nearly every task, are never walked.
fn candidates(
    index: &HashMap<u64, Vec<usize>>,
    query: &[u64],
    min: f64,
    counts: &mut Counts,
) -> Vec<usize> {
    // Each bigram with its posting list, rarest first (one hash lookup per bigram).
    let mut rare: Vec<(usize, u64, &[usize])> = query
        .iter()
        .map(|g| {
            let list = index.get(g).map_or(&[][..], Vec::as_slice);
            (list.len(), *g, list)
        })
        .collect();
    rare.sort_unstable_by_key(|&(df, g, _)| (df, g));
    let n = rare.len();
    let needed = if min > 0.0 && min < 2.0 {
        ((min * n as f64 / (2.0 - min)).ceil() as usize).max(1)
    } else {
        1
    };
    let prefix = n.saturating_sub(needed) + 1;
    let mut last = None;
    let (mut walked, mut postings) = (0, 0);
    for &(_, g, list) in rare.iter().take(prefix) {
        if last == Some(g) {
            continue;
        }
        last = Some(g);
        if !list.is_empty() {
            // Past the budget, the remaining (commoner) bigrams add cost, not discrimination.
            if walked >= 8 && postings + list.len() > POSTING_BUDGET {
                break;
            }
            for &k in list {
                counts.add(k);
            }
            postings += list.len();
            walked += 1;
        }
    }
    // When a pathological plan offers more than MAX_CANDIDATES tasks, only those sharing the
    // most rare bigrams are scored exactly.
    let mut counted = counts.drain();
    if counted.len() > MAX_CANDIDATES {
        counted
            .select_nth_unstable_by(MAX_CANDIDATES - 1, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counted.truncate(MAX_CANDIDATES);
    }
    let mut v: Vec<usize> = counted.into_iter().map(|(k, _)| k).collect();
    v.sort_unstable();
    v
}

/// Per-task hit counters reused across queries: counting costs the postings walked, not the
/// plan's size.
struct Counts {
    count: Vec<u32>,
    touched: Vec<usize>,
}

impl Counts {
    fn new(n: usize) -> Counts {
        Counts {
            count: vec![0; n],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, k: usize) {
        if self.count[k] == 0 {
            self.touched.push(k);
        }
        self.count[k] += 1;
    }

    /// The counted tasks with their counts; the counters are zero again afterwards.
    fn drain(&mut self) -> Vec<(usize, u32)> {
        let out = self
            .touched
            .iter()
            .map(|&k| (k, std::mem::take(&mut self.count[k])))
            .collect();
        self.touched.clear();
        out
    }
}

/// How many plan tasks one directive task may be split into (near-equal best matches).
const MAX_SPLIT: usize = 8;

/// How many plan tasks are scored for one directive task at most. Real plans offer a handful;
/// the bound keeps a plan of ten thousand near-identical tasks from costing N².
const MAX_CANDIDATES: usize = 64;

/// How many posting entries one query walks at most once it has walked its 8 rarest bigrams.
/// Plans of a few hundred tasks never reach it, so their alignment is exact.
const POSTING_BUDGET: usize = 16_384;

/// Maximal stretches (3 characters or more) of `a` whose every bigram occurs in `b`.
pub fn shared_terms(a: &str, b: &str) -> Vec<String> {
    let bset: std::collections::HashSet<(char, char)> = {
        let c: Vec<char> = b.chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let chars: Vec<char> = a.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<char> = Vec::new();
    for w in chars.windows(2) {
        if is_cjk(w[0]) && is_cjk(w[1]) && bset.contains(&(w[0], w[1])) {
            if run.is_empty() {
                run.push(w[0]);
            }
            run.push(w[1]);
        } else {
            if run.len() >= 3 {
                out.push(run.iter().collect());
            }
            run.clear();
        }
    }
    if run.len() >= 3 {
        out.push(run.iter().collect());
    }
    out.sort_by(|x, y| y.chars().count().cmp(&x.chars().count()).then(x.cmp(y)));
    out.dedup();
    out.truncate(6);
    out
}

/// The sentence around a target, its numbers left out: what says which measure it is.
fn target_context<'a>(src: &'a SourceFile, t: &Target) -> &'a str {
    let text = &src.text;
    let start = text[..t.span.start]
        .rfind(['。', '；', '\n', '|', '，'])
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = text[t.span.end..]
        .find(['。', '；', '\n', '|', '，'])
        .map_or(text.len(), |i| t.span.end + i);
    let start = start.min(t.span.start);
    text.get(start..end.max(t.span.end)).unwrap_or("")
}

/// Each directive target goes to the plan target of the same unit whose sentence reads most
/// alike. The same sentence often stands twice (in the text and again in the task table): a
/// plan target in a task matched to the directive target's task, then one of the same origin,
/// wins such ties.
fn align_targets(
    plan_src: &SourceFile,
    plan: &Document,
    dir_src: &SourceFile,
    dir: &Document,
    th: Thresholds,
    data: &RuleData,
    pairs: &[Pair],
) -> Vec<TargetPair> {
    let origin = |doc: &Document, t: &Target| t.task.map(|k| doc.tasks[k].origin);
    let paired: std::collections::HashSet<(usize, usize)> =
        pairs.iter().map(|x| (x.directive, x.plan)).collect();
    let is_paired = |d: &Target, p: &Target| match (d.task, p.task) {
        (Some(a), Some(b)) => paired.contains(&(a, b)),
        _ => false,
    };
    let plan_ctx: Vec<Vec<u64>> = plan
        .targets
        .iter()
        .map(|t| bigrams(target_context(plan_src, t)))
        .collect();
    let plan_subj: Vec<Vec<u64>> = plan
        .targets
        .iter()
        .map(|t| bigrams(plan_src.slice(t.subject)))
        .collect();
    let index = inverted(&plan_ctx);
    let mut counts = Counts::new(plan.targets.len());
    let mut out = Vec::new();
    for (d, td) in dir.targets.iter().enumerate() {
        // A figure of the past (现状) promises nothing to compare.
        if td.status {
            continue;
        }
        let dctx = bigrams(target_context(dir_src, td));
        let dsubj = bigrams(dir_src.slice(td.subject));
        let best = candidates(&index, &dctx, th.target_similarity, &mut counts)
            .into_iter()
            .map(|p| (p, &plan.targets[p]))
            .filter(|(_, tp)| {
                !tp.status
                    && data.metrics.canonical_unit(&tp.unit)
                        == data.metrics.canonical_unit(&td.unit)
            })
            .map(|(p, tp)| {
                // Several targets in one sentence (小学16课时、初中14课时) share a context; their
                // subjects tell them apart.
                let subject = 0.1 * dice(&dsubj, &plan_subj[p]);
                let tie = 0.02 * f64::from(u8::from(is_paired(td, tp)))
                    + 0.01 * f64::from(u8::from(origin(dir, td) == origin(plan, tp)));
                (p, dice(&dctx, &plan_ctx[p]), subject + tie)
            })
            .filter(|&(_, s, _)| s >= th.target_similarity)
            .max_by(|a, b| (a.1 + a.2).total_cmp(&(b.1 + b.2)).then(b.0.cmp(&a.0)));
        if let Some((p, score, _)) = best {
            out.push(TargetPair {
                directive: d,
                plan: p,
                score,
            });
        }
    }
    out
}

/// The span of a directive task, for reports.
pub fn directive_span(dir: &Document, d: usize) -> Span {
    dir.tasks[d].span
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_of_identical_and_disjoint() {
        let a = bigrams("加强食品安全监管");
        assert_eq!(dice(&a, &a), 1.0);
        assert_eq!(dice(&a, &bigrams("推进农业标准化")), 0.0);
    }

    #[test]
    fn shared_terms_are_maximal_runs() {
        let t = shared_terms(
            "严格落实食品安全主体责任",
            "督促企业落实食品安全主体责任制度",
        );
        assert_eq!(t, vec!["落实食品安全主体责任".to_string()]);
    }
}
