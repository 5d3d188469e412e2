//! The development corpus (corpus/, real plans with hand labels): parse quality scored exactly
//! as ../shared/eval/corpus.py scores it, with the summary and every document's own figures
//! pinned, so a regression anywhere fails the build (issue "Read every real plan").

use planlint::data::RuleData;
use planlint::model::{Document, Unit};
use planlint::reading::parse_document;
use planlint::source::SourceFile;
use serde_json::Value;
use std::collections::BTreeSet;

/// Labelled tasks, found, exact lead sets, exact partner sets, deadlines labelled, deadlines read.
type Score = (usize, usize, usize, usize, usize, usize);

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn names(us: &[Unit]) -> BTreeSet<String> {
    us.iter().map(|u| u.name.clone()).collect()
}

fn label_names(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// corpus.py's matching: the k-th labelled task on a line is the k-th planlint task (by start)
/// whose lines cover it.
fn score(label: &Value, src: &SourceFile, doc: &Document) -> Score {
    let mut seen = std::collections::HashMap::new();
    let mut s = (0, 0, 0, 0, 0, 0);
    for t in label["tasks"].as_array().unwrap() {
        let line = t["line"].as_u64().unwrap() as usize;
        let k = seen.entry(line).and_modify(|n| *n += 1).or_insert(0usize);
        let mut on: Vec<_> = doc
            .tasks
            .iter()
            .filter(|g| {
                let p = src.position(g.span);
                p.line <= line && line <= p.end_line
            })
            .collect();
        on.sort_by_key(|g| g.span.start);
        s.0 += 1;
        let want_deadline = t["deadline"].as_str().filter(|d| !d.is_empty());
        if want_deadline.is_some() {
            s.4 += 1;
        }
        let Some(g) = on.get(*k) else { continue };
        s.1 += 1;
        s.2 += usize::from(names(&g.leads) == label_names(&t["leads"]));
        s.3 += usize::from(names(&g.partners) == label_names(&t["partners"]));
        if let Some(want) = want_deadline {
            let (a, b) = (
                squash(want),
                squash(g.deadline.as_ref().map_or("", |d| d.text.as_str())),
            );
            s.5 += usize::from(!b.is_empty() && (a.contains(&b) || b.contains(&a)));
        }
    }
    s
}

/// Each document's figures as they stand: (file prefix, score, tasks planlint reports).
const EXPECTED: &[(&str, Score, usize)] = &[
    ("01", (31, 31, 31, 31, 0, 0), 31),
    ("02", (90, 90, 90, 90, 55, 55), 90),
    ("03", (17, 17, 17, 17, 0, 0), 17),
    ("04", (15, 15, 15, 15, 1, 1), 15),
    ("05", (30, 30, 30, 30, 0, 0), 30),
    ("06", (21, 21, 21, 21, 0, 0), 21),
    ("07", (17, 17, 17, 17, 0, 0), 17),
    ("08", (18, 18, 18, 18, 0, 0), 18),
    ("09", (21, 21, 21, 21, 0, 0), 21),
    ("10", (20, 20, 20, 20, 0, 0), 20),
    ("11", (47, 47, 47, 47, 3, 3), 47),
    ("12", (10, 10, 10, 10, 0, 0), 11),
    ("13", (9, 9, 9, 9, 2, 2), 9),
    ("14", (20, 20, 20, 20, 0, 0), 20),
    ("15", (11, 11, 11, 11, 3, 3), 12),
    ("16", (10, 10, 10, 10, 0, 0), 10),
    ("17", (12, 12, 12, 12, 6, 6), 16),
    ("18", (17, 17, 17, 17, 0, 0), 17),
    ("19", (12, 12, 12, 12, 2, 2), 12),
    ("20", (14, 14, 14, 14, 0, 0), 18),
    ("21", (25, 25, 25, 25, 0, 0), 25),
    ("22", (8, 8, 8, 8, 0, 0), 8),
    ("23", (16, 16, 16, 16, 0, 0), 16),
    ("24", (41, 41, 41, 41, 0, 0), 42),
    ("25", (16, 16, 16, 16, 0, 0), 16),
];

#[test]
fn corpus_parse_quality_per_document_and_in_sum() {
    let data = RuleData::builtin();
    let mut labels: Vec<_> = std::fs::read_dir("corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    labels.sort();
    let mut got = Vec::new();
    for path in &labels {
        let label: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let doc_path = path.with_file_name(label["file"].as_str().unwrap());
        let src = SourceFile::from_bytes(
            doc_path.display().to_string(),
            &std::fs::read(&doc_path).unwrap(),
            None,
        )
        .unwrap();
        let doc = parse_document(&src, &data);
        let prefix = path.file_name().unwrap().to_string_lossy()[..2].to_string();
        got.push((prefix, score(&label, &src, &doc), doc.tasks.len()));
    }
    let want: Vec<(String, Score, usize)> = EXPECTED
        .iter()
        .map(|(p, s, n)| (p.to_string(), *s, *n))
        .collect();
    assert_eq!(got, want);
    // The summary line of corpus.py for the 21 documents the issue names, and for all.
    let sum = |rows: &[(String, Score, usize)]| {
        rows.iter().fold((0, 0, 0, 0, 0, 0), |a, (_, s, _)| {
            (
                a.0 + s.0,
                a.1 + s.1,
                a.2 + s.2,
                a.3 + s.3,
                a.4 + s.4,
                a.5 + s.5,
            )
        })
    };
    let first21: Vec<_> = got
        .iter()
        .filter(|r| r.0.as_str() <= "21")
        .cloned()
        .collect();
    assert_eq!(sum(&first21), (467, 467, 467, 467, 72, 72));
    assert_eq!(sum(&got), (548, 548, 548, 548, 72, 72));
    assert!(got.iter().all(|r| r.2 > 0), "a document parses to no task");
}
