//! The top of the house is one-way (issue 20): the argument definitions (`cli`), the session
//! built from them (`session`), each command under `commands/`, the diff views (`diff`) and the
//! reports (`report`) import one another without a circle.
//!
//! The graph is read from the source: every `crate::NAME` path outside a comment in a module's
//! files is an edge to module NAME (`crate::commands::NAME` to that command, `super::NAME` in a
//! command to that sibling, any other `super::` to `commands`, and `mod NAME;` in
//! commands/mod.rs from `commands` to the command it declares); modules outside the set are
//! left out. The test fails on a circle and names it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The modules whose imports must not circle.
const LAYER: [&str; 5] = ["cli", "session", "commands", "diff", "report"];

/// The node a source file belongs to: `commands::check` for src/commands/check.rs, the
/// top-level module otherwise (src/report/coverage/html.rs is `report`).
fn node_of(rel: &Path) -> Option<String> {
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    let top = parts.first()?.clone();
    if !LAYER.contains(&top.as_str()) {
        return None;
    }
    if top == "commands" && parts.len() == 2 && parts[1] != "mod" {
        return Some(format!("commands::{}", parts[1]));
    }
    Some(top)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The identifier that starts `s` (`commands` of `commands::check::run`).
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Edges from each node of the layer to the nodes of the layer it names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(&src).expect("under src").to_path_buf();
        let Some(from) = node_of(&rel) else { continue };
        let text = std::fs::read_to_string(&f).expect("source is UTF-8");
        let edges = g.entry(from.clone()).or_default();
        for line in text.lines() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            let code = code.split(" // ").next().unwrap_or(code);
            let mut targets = Vec::new();
            for (i, _) in code.match_indices("crate::") {
                let rest = &code[i + "crate::".len()..];
                let m = ident(rest);
                if m == "commands" {
                    let sub = rest[m.len()..].strip_prefix("::").map(ident);
                    match sub.filter(|s| src.join("commands").join(format!("{s}.rs")).exists()) {
                        Some(s) => targets.push(format!("commands::{s}")),
                        None => targets.push("commands".to_string()),
                    }
                } else if LAYER.contains(&m) {
                    targets.push(m.to_string());
                }
            }
            // commands/mod.rs declares and runs each command.
            if from == "commands" {
                let decl = code.strip_prefix("pub ").unwrap_or(code);
                if let Some(m) = decl.strip_prefix("mod ").and_then(|d| d.strip_suffix(';')) {
                    targets.push(format!("commands::{m}"));
                }
            }
            if from.starts_with("commands::") {
                for (i, _) in code.match_indices("super::") {
                    let m = ident(&code[i + "super::".len()..]);
                    if src.join("commands").join(format!("{m}.rs")).exists() {
                        targets.push(format!("commands::{m}"));
                    } else {
                        targets.push("commands".to_string());
                    }
                }
            }
            for t in targets {
                if t != from {
                    edges.insert(t);
                }
            }
        }
    }
    g
}

/// A circle of the graph, if it has one (depth-first search, grey nodes on the path).
fn circle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut c = path[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for n in g.keys() {
        if let Some(c) = visit(n, g, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn commands_cli_diff_and_report_import_one_way() {
    let g = graph();
    // The graph is read at all: each command reads its arguments, the session reads them too.
    for (from, to) in [
        ("commands::check", "cli"),
        ("commands::diff", "diff"),
        ("commands::report", "report"),
        ("commands::report", "commands::outcome"),
        ("session", "cli"),
        ("commands::outcome", "session"),
        ("commands", "commands::diff"),
    ] {
        assert!(
            g.get(from).is_some_and(|e| e.contains(to)),
            "expected {from} → {to} in {g:#?}"
        );
    }
    if let Some(c) = circle(&g) {
        panic!("import circle: {}\n{g:#?}", c.join(" → "));
    }
}

/// Every top-level module of the crate (src/NAME.rs or src/NAME/), with the edges its code
/// names: `crate::NAME`, and `super::NAME` in a file at the top. Test code is left out: a
/// file's lines from its first `#[cfg(test)]` on, and modules declared under `#[cfg(test)]`
/// (rules/examples.rs runs the rules' examples through `batch`, as a test).
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let top_of = |rel: &Path| -> String {
        let first = rel.iter().next().expect("a path under src");
        first.to_string_lossy().trim_end_matches(".rs").to_string()
    };
    let tops: BTreeSet<String> = files
        .iter()
        .map(|f| top_of(f.strip_prefix(&src).expect("under src")))
        .filter(|m| !["main", "lib", "testing", "testing_support"].contains(&m.as_str()))
        .collect();
    // Modules compiled for tests only: `#[cfg(test)]` on the line before `mod NAME;`.
    let mut test_only: BTreeSet<PathBuf> = BTreeSet::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("source is UTF-8");
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for w in lines.windows(2) {
            let decl = w[1].strip_prefix("pub ").unwrap_or(w[1]);
            if let (true, Some(m)) = (
                w[0] == "#[cfg(test)]",
                decl.strip_prefix("mod ").and_then(|d| d.strip_suffix(';')),
            ) {
                let dir = f.parent().expect("a directory");
                test_only.insert(dir.join(format!("{m}.rs")));
            }
        }
    }
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&src).expect("under src");
        let from = top_of(rel);
        if !tops.contains(&from) || test_only.contains(f) {
            continue;
        }
        let at_top = rel.iter().count() == 1;
        let text = std::fs::read_to_string(f).expect("source is UTF-8");
        let edges = g.entry(from.clone()).or_default();
        for line in text.lines() {
            let code = line.trim_start();
            if code.starts_with("#[cfg(test)]") {
                break;
            }
            if code.starts_with("//") {
                continue;
            }
            let code = code.split(" // ").next().unwrap_or(code);
            let mut names: Vec<&str> = code
                .match_indices("crate::")
                .map(|(i, _)| ident(&code[i + "crate::".len()..]))
                .collect();
            if at_top {
                names.extend(
                    code.match_indices("super::")
                        .map(|(i, _)| ident(&code[i + "super::".len()..])),
                );
            }
            for m in names {
                if m != from && tops.contains(m) {
                    edges.insert(m.to_string());
                }
            }
        }
    }
    g
}

/// The whole crate is one-way too: read → blocks → parse → model → align → check → report, with
/// the shared atoms (spans, lexical atoms, the numbering grammar, the rule data) below them all.
#[test]
fn the_modules_of_the_crate_import_one_way() {
    let g = module_graph();
    // The graph is read at all: reading runs the readers and the parser, both over the shared
    // atoms.
    for (from, to) in [
        ("reading", "input"),
        ("reading", "parse"),
        ("input", "lex"),
        ("input", "heading"),
        ("parse", "lex"),
        ("parse", "model"),
        ("blocks", "span"),
        ("batch", "rules"),
        ("report", "batch"),
    ] {
        assert!(
            g.get(from).is_some_and(|e| e.contains(to)),
            "expected {from} → {to} in {g:#?}"
        );
    }
    if let Some(c) = circle(&g) {
        panic!("import circle: {}\n{g:#?}", c.join(" → "));
    }
}

#[test]
fn a_circle_is_seen() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("cli".into()).or_default().insert("diff".into());
    g.entry("diff".into()).or_default().insert("report".into());
    g.entry("report".into()).or_default().insert("cli".into());
    assert_eq!(
        circle(&g),
        Some(vec![
            "cli".into(),
            "diff".into(),
            "report".into(),
            "cli".into()
        ])
    );
    g.get_mut("report").map(|e| e.remove("cli"));
    assert_eq!(circle(&g), None);
}
