//! Word comments for drafters: `check plan.docx --annotate reviewed.docx` on the .docx fixture
//! (seed 003 as Word made it), checked against seed 001 so that missing-task findings, which
//! have no text of their own, are among the comments. The copy is read back three ways: its
//! XML (each comment's range holds exactly the finding's text), planlint's own reader (the
//! text is the original's, byte for byte) and python-docx (it opens, and reads the comments).

use crate::support::{python_docx, run_in, seed_text};
use planlint::data::Lang;
use planlint::model::NumberStyle::{Chapter, Section};
use planlint::report::words;
use quick_xml::events::Event;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const FIXTURE: &str = "tests/fixtures/seed_003.docx";

struct Annotated {
    dir: PathBuf,
    findings: Vec<Value>,
    stderr: String,
}

/// The fixture checked and annotated once per run.
fn annotated() -> &'static Annotated {
    static A: OnceLock<Annotated> = OnceLock::new();
    A.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("annotate");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(FIXTURE, dir.join("plan.docx")).unwrap();
        std::fs::write(dir.join("directive.txt"), seed_text("001")).unwrap();
        let r = run_in(
            &dir,
            &[
                "check",
                "--no-config",
                "plan.docx",
                "--against",
                "directive.txt",
                "--format",
                "json",
                "--annotate",
                "reviewed.docx",
            ],
            b"",
        );
        assert_eq!(r.status, 1, "{}", r.stderr);
        let findings = r.json()["files"][0]["findings"].as_array().unwrap().clone();
        Annotated {
            dir,
            findings,
            stderr: r.stderr,
        }
    })
}

fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// Per comment id: the text between its range start and end (paragraphs joined by a line
/// break), and the text of the paragraph its range starts in.
fn ranges(xml: &str) -> BTreeMap<String, (String, String)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut open: Vec<String> = Vec::new();
    let mut text: BTreeMap<String, String> = BTreeMap::new();
    let mut starts_in: BTreeMap<String, usize> = BTreeMap::new();
    let mut paras: Vec<String> = Vec::new();
    let mut in_t = false;
    let id = |e: &quick_xml::events::BytesStart| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == "w:id")
            .map(|a| a.value.into_owned())
            .unwrap()
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == "w:p" => paras.push(String::new()),
            Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            Event::End(e) if e.name().as_ref() == "w:p" => {
                for k in &open {
                    text.get_mut(k).unwrap().push('\n');
                }
            }
            Event::Empty(e) if e.name().as_ref() == "w:commentRangeStart" => {
                let k = id(&e);
                text.insert(k.clone(), String::new());
                starts_in.insert(k.clone(), paras.len() - 1);
                open.push(k);
            }
            Event::Empty(e) if e.name().as_ref() == "w:commentRangeEnd" => {
                let k = id(&e);
                open.retain(|x| *x != k);
            }
            Event::Text(t) if in_t => {
                let s = t.xml10_content();
                paras.last_mut().unwrap().push_str(&s);
                for k in &open {
                    text.get_mut(k).unwrap().push_str(&s);
                }
            }
            Event::GeneralRef(r) if in_t => {
                let s = quick_xml::escape::resolve_predefined_entity(&r.clone().into_inner())
                    .unwrap()
                    .to_string();
                paras.last_mut().unwrap().push_str(&s);
                for k in &open {
                    text.get_mut(k).unwrap().push_str(&s);
                }
            }
            _ => {}
        }
    }
    text.into_iter()
        .map(|(k, t)| {
            let p = paras[starts_in[&k]].clone();
            (k, (t, p))
        })
        .collect()
}

/// Per comment id: its paragraphs' text, and its author.
fn comments(xml: &str) -> Vec<(String, String, Vec<String>)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out: Vec<(String, String, Vec<String>)> = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == "w:comment" => {
                let get = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k)
                        .map(|a| a.value.into_owned())
                        .unwrap()
                };
                out.push((get("w:id"), get("w:author"), Vec::new()));
            }
            Event::Start(e) if e.name().as_ref() == "w:p" => {
                out.last_mut().unwrap().2.push(String::new())
            }
            Event::Text(t) => {
                if let Some(c) = out.last_mut() {
                    c.2.last_mut().unwrap().push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let s = quick_xml::escape::resolve_predefined_entity(&r.clone().into_inner())
                    .unwrap()
                    .to_string();
                out.last_mut().unwrap().2.last_mut().unwrap().push_str(&s);
            }
            _ => {}
        }
    }
    out
}

#[test]
fn one_comment_per_finding_on_exactly_its_text() {
    let a = annotated();
    let n = a.findings.len();
    assert!(n >= 40, "{n} findings");
    assert!(
        a.stderr
            .contains(&format!("planlint: wrote reviewed.docx with {n} comments")),
        "{}",
        a.stderr
    );
    let copy = a.dir.join("reviewed.docx");
    let list = comments(&part(&copy, "word/comments.xml"));
    assert_eq!(list.len(), n);
    let anchored = ranges(&part(&copy, "word/document.xml"));
    assert_eq!(anchored.len(), n);
    let src = planlint::input::read(
        &a.dir.join("plan.docx"),
        None,
        planlint::input::DEFAULT_MAX_SIZE,
    )
    .unwrap();
    let doc = planlint::reading::parse_document(&src, &planlint::data::RuleData::builtin());
    let mut missing = 0;
    for (f, (id, author, paras)) in a.findings.iter().zip(&list) {
        assert_eq!(author, "planlint");
        // Issue 20: the drafter reads the rule's Chinese title, the finding and what to
        // change; neither the rule's English name nor advice about planlint.toml.
        let rule = f["rule"].as_str().unwrap();
        let head = format!("【{}】", words::rule_title(rule, Lang::Zh));
        assert_eq!(paras[0], head);
        assert!(!head.contains(rule) && !head.is_ascii(), "{head}");
        assert_eq!(paras[1], f["message"].as_str().unwrap());
        let help = f["help"].as_str().map(words::for_drafter);
        assert_eq!(paras.get(2), help.as_ref());
        for p in paras {
            assert!(!p.contains("planlint.toml") && !p.contains("[["), "{p}");
        }
        let (range, para) = &anchored[id];
        if f["rule"] == "missing-task" {
            // Nothing to cover: a point at the start of the nearest section heading (一、 or
            // （一）, not the item the task would follow).
            missing += 1;
            assert_eq!(
                paras[2], "carry the task out in the plan with a lead unit and a deadline",
                "{head}"
            );
            assert_eq!(range, "", "{head}");
            let start = f["start"].as_u64().unwrap() as usize;
            let heading = doc
                .headings
                .iter()
                .filter(|h| h.line.start <= start)
                .filter(|h| matches!(h.numbering.style, Chapter | Section))
                .max_by_key(|h| h.line.start)
                .unwrap();
            assert_eq!(para.trim(), src.slice(heading.line).trim(), "{head}");
        } else {
            let text = f["text"].as_str().unwrap();
            assert!(!text.is_empty());
            assert_eq!(
                range.trim_end_matches('\n'),
                text,
                "{head} at {}",
                f["line"]
            );
        }
    }
    assert_eq!(missing, 6, "missing-task findings");
}

#[test]
fn the_copy_reads_back_to_the_same_text_and_keeps_every_other_part() {
    let a = annotated();
    let read = |p: &Path| {
        let bytes = std::fs::read(p).unwrap();
        planlint::input::docx::read("plan.docx", &bytes, planlint::input::DEFAULT_MAX_SIZE).unwrap()
    };
    let (orig, copy) = (
        read(&a.dir.join("plan.docx")),
        read(&a.dir.join("reviewed.docx")),
    );
    assert_eq!(orig.text, copy.text);
    assert_eq!(orig.places, copy.places);
    // Only the document, its relationships, the content types and the new comments part
    // differ; everything else is the original's bytes.
    let entries = |p: &Path| {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(p).unwrap()).unwrap();
        (0..zip.len())
            .map(|k| {
                let mut e = zip.by_index(k).unwrap();
                let mut b = Vec::new();
                e.read_to_end(&mut b).unwrap();
                (e.name().unwrap().to_string(), b)
            })
            .collect::<BTreeMap<_, _>>()
    };
    let (before, after) = (
        entries(&a.dir.join("plan.docx")),
        entries(&a.dir.join("reviewed.docx")),
    );
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(
        changed,
        [
            "[Content_Types].xml",
            "word/_rels/document.xml.rels",
            "word/comments.xml",
            "word/document.xml"
        ]
    );
    assert!(after["[Content_Types].xml"]
        .windows(20)
        .any(|w| w == b"/word/comments.xml\" "));
    // The original is untouched.
    assert_eq!(
        std::fs::read(FIXTURE).unwrap(),
        std::fs::read(a.dir.join("plan.docx")).unwrap()
    );
}

#[test]
fn python_docx_opens_the_copy_and_reads_the_comments() {
    let venv = match python_docx() {
        Ok(v) => v,
        Err(why) => {
            return crate::support::skip(
                "annotate::python_docx_opens_the_copy_and_reads_the_comments",
                &why,
            )
        }
    };
    let a = annotated();
    let script = r#"
import sys, docx
orig, copy = docx.Document(sys.argv[1]), docx.Document(sys.argv[2])
def text(d):
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            out.extend(c.text for c in row.cells)
    return out
assert text(orig) == text(copy), "python-docx reads other text in the copy"
cs = list(copy.comments)
print(len(cs), len({c.author for c in cs}), cs[0].author, cs[0].initials)
print(cs[0].text.split("\n")[0])
"#;
    let out = Command::new(venv.join("bin/python"))
        .args(["-c", script])
        .arg(a.dir.join("plan.docx"))
        .arg(a.dir.join("reviewed.docx"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next().unwrap(),
        format!("{} 1 planlint PL", a.findings.len())
    );
    let f = &a.findings[0];
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "【{}】",
            words::rule_title(f["rule"].as_str().unwrap(), Lang::Zh)
        )
    );
}

#[test]
fn annotate_never_overwrites_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(FIXTURE, d.join("plan.docx")).unwrap();
    std::fs::hard_link(d.join("plan.docx"), d.join("same.docx")).unwrap();
    std::fs::write(d.join("plan.txt"), seed_text("003")).unwrap();
    let original = std::fs::read(FIXTURE).unwrap();
    for (args, says) in [
        (
            vec![
                "check",
                "--no-config",
                "plan.docx",
                "--annotate",
                "plan.docx",
            ],
            "is the input itself",
        ),
        (
            vec![
                "check",
                "--no-config",
                "plan.docx",
                "--annotate",
                "./plan.docx",
            ],
            "is the input itself",
        ),
        (
            vec![
                "check",
                "--no-config",
                "plan.docx",
                "--annotate",
                "same.docx",
            ],
            "is the input itself",
        ),
        (
            vec![
                "check",
                "--no-config",
                "plan.docx",
                "plan.txt",
                "--annotate",
                "x.docx",
            ],
            "give exactly one .docx file",
        ),
        (
            vec!["check", "--no-config", "plan.txt", "--annotate", "x.docx"],
            "needs a Word .docx document",
        ),
    ] {
        let r = run_in(d, &args, b"");
        assert_eq!(r.status, 2, "{args:?}");
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    // Issue 20: the same refusals in the run's language.
    for (args, says) in [
        (
            vec!["plan.docx", "--annotate", "same.docx"],
            "--annotate 的 same.docx 就是输入文件本身；原文件不会被覆盖：请另指定文件名",
        ),
        (
            vec!["plan.docx", "plan.txt", "--annotate", "x.docx"],
            "--annotate 只为一个 Word 文档写出批注副本：请只给出一个 .docx 文件",
        ),
        (
            vec!["plan.txt", "--annotate", "x.docx"],
            "--annotate 需要 Word .docx 文档，plan.txt 不是",
        ),
    ] {
        let mut all = vec!["check", "--no-config", "--lang", "zh"];
        all.extend(args);
        let r = run_in(d, &all, b"");
        assert_eq!(r.status, 2, "{all:?}");
        assert_eq!(r.stderr, format!("planlint: {says}\n"));
    }
    assert_eq!(std::fs::read(d.join("plan.docx")).unwrap(), original);
    assert!(!d.join("x.docx").exists());
    // Without --against, every finding has text of its own.
    let r = run_in(
        d,
        &[
            "check",
            "--no-config",
            "plan.docx",
            "--annotate",
            "out/../reviewed.docx",
            "-q",
        ],
        b"",
    );
    assert!(
        r.status == 2 && r.stderr.contains("cannot write"),
        "{}",
        r.stderr
    );
    let r = run_in(
        d,
        &[
            "check",
            "--no-config",
            "plan.docx",
            "--annotate",
            "reviewed.docx",
            "-q",
        ],
        b"",
    );
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stderr.contains("with 24 comments"), "{}", r.stderr);
}
