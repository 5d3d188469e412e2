//! Inputs, configuration, suppressions and output formats, end to end through the binary
//! (issue #6), on copies of the seeds.

use crate::support::{places, run, run_in, seed, seed_text, BIN};
use std::path::Path;

fn rules_of(report: &serde_json::Value, file: usize) -> Vec<String> {
    places(report, file).into_iter().map(|p| p.0).collect()
}

#[test]
fn quoted_globs_directories_and_stdin() {
    let r = run(&["check", "seeds/*.txt", "--format", "json"]);
    let j = r.json();
    let paths: Vec<&str> = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 5);
    assert!(paths.windows(2).all(|w| w[0] < w[1]), "{paths:?}");
    assert_eq!(r.status, 1);

    // A directory gives the same files in the same order, and the same bytes.
    let d = run(&["check", "seeds", "--format", "json"]);
    assert_eq!(d.stdout, r.stdout);

    // Standard input, named "-".
    let text = seed_text("002");
    let s = run_in(
        Path::new("."),
        &["check", "--no-config", "-", "--format", "json"],
        text.as_bytes(),
    );
    let file = run(&["check", seed("002").to_str().unwrap(), "--format", "json"]);
    assert_eq!(places(&s.json(), 0), places(&file.json(), 0));
    assert_eq!(s.json()["files"][0]["path"], "-");

    // A pattern that matches nothing is an error for that argument; the others are checked.
    let m = run(&["check", "nowhere/*.txt", "seeds/000*.txt"]);
    assert_eq!(m.status, 2);
    assert!(m
        .stdout
        .contains("error: nowhere/*.txt: the pattern matches no files"));
    assert!(m.stdout.contains("PL103/empty-partner-list"));
}

#[test]
fn gb18030_and_utf16_copies_give_the_same_findings_at_the_same_places() {
    let dir = tempfile::tempdir().unwrap();
    let text = seed_text("004");
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    std::fs::write(dir.path().join("gbk.txt"), &gbk).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(dir.path().join("utf16.txt"), &utf16).unwrap();
    std::fs::write(dir.path().join("utf8.txt"), &text).unwrap();
    let j = crate::support::same_places(dir.path(), &["utf8.txt", "gbk.txt", "utf16.txt"], 43);
    let enc: Vec<&str> = (0..3)
        .map(|i| j["files"][i]["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(enc, ["utf-8", "gb18030", "utf-16le"]);

    // --encoding overrides detection: GB18030 bytes read as UTF-8 are refused, clearly.
    let r = run_in(
        dir.path(),
        &["check", "--no-config", "gbk.txt", "--encoding", "utf-8"],
        b"",
    );
    assert_eq!(r.status, 2);
    assert!(r
        .stdout
        .contains("gbk.txt: the file cannot be decoded as utf-8 (as --encoding asks)"));
}

#[test]
fn lines_ended_by_unicode_separators_read_like_lines_ended_by_newlines() {
    // Word's manual line break pasted as a vertical tab, the Unicode line and paragraph
    // separators and NEL each end a line: the plan reads item by item, its findings at the
    // same lines and columns as the copy with newlines (one plan line held all 43 before).
    let dir = tempfile::tempdir().unwrap();
    let text = seed_text("004");
    std::fs::write(dir.path().join("lf.txt"), &text).unwrap();
    let mut files = vec!["lf.txt"];
    for (name, sep) in [
        ("ps.txt", "\u{2029}"),
        ("ls.txt", "\u{2028}"),
        ("vt.txt", "\u{b}"),
        ("nel.txt", "\u{85}"),
    ] {
        std::fs::write(dir.path().join(name), text.replace('\n', sep)).unwrap();
        files.push(name);
    }
    crate::support::same_places(dir.path(), &files, 43);
}

#[test]
fn docx_made_from_seed_003_reads_like_its_text_export() {
    let txt = run(&["check", seed("003").to_str().unwrap(), "--format", "json"]).json();
    let docx = run(&["check", "tests/fixtures/seed_003.docx", "--format", "json"]).json();
    let mut a = rules_of(&txt, 0);
    let mut b = rules_of(&docx, 0);
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_eq!(b.len(), 24);
    let findings = docx["files"][0]["findings"].as_array().unwrap();
    let malformed = findings
        .iter()
        .find(|f| f["rule"] == "malformed-deadline")
        .unwrap();
    assert_eq!(
        malformed["place"],
        serde_json::json!({"kind": "cell", "table": 1, "row": 89, "column": 6})
    );
    assert_eq!(malformed["text"], "底");
    assert_eq!(
        findings[0]["place"],
        serde_json::json!({"kind": "paragraph", "paragraph": 10})
    );
    let human = run(&[
        "check",
        "tests/fixtures/seed_003.docx",
        "--select",
        "malformed-deadline",
    ]);
    assert!(
        human.stdout.contains("in Word: table 1, row 89, column 6"),
        "{}",
        human.stdout
    );
    // The tasks of the Word tables are the tasks of the text export's tables.
    let parse = |p: &str| {
        let out = run_in(Path::new("."), &["parse", p, "--format", "json"], b"");
        let j: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        j["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let leads: Vec<String> = t["leads"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| l["name"].as_str().unwrap().to_string())
                    .collect();
                (t["number"].clone(), leads, t["source"].clone())
            })
            .collect::<Vec<_>>()
    };
    let tasks = parse("tests/fixtures/seed_003.docx");
    assert_eq!(tasks.len(), 164);
    assert_eq!(tasks, parse(seed("003").to_str().unwrap()));
}

#[test]
fn a_word_plan_typed_with_manual_line_breaks_reads_like_one_typed_in_paragraphs() {
    // Items typed with Shift+Enter (w:br) or a carriage return (w:cr) are one Word paragraph;
    // Word shows them on lines of their own, and so are they read (before, seed 001 so typed
    // was one paragraph: one task, no finding).
    let esc = |l: &str| {
        l.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let lines: Vec<String> = seed_text("001")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(esc)
        .collect();
    let paragraphs: String = lines
        .iter()
        .map(|l| format!("<w:p><w:r><w:t xml:space=\"preserve\">{l}</w:t></w:r></w:p>"))
        .collect();
    let runs: Vec<String> = lines
        .iter()
        .map(|l| format!("<w:r><w:t xml:space=\"preserve\">{l}</w:t></w:r>"))
        .collect();
    let mut broken = String::from("<w:p>");
    for (i, r) in runs.iter().enumerate() {
        if i > 0 {
            broken.push_str(if i % 2 == 0 {
                "<w:r><w:br/></w:r>"
            } else {
                "<w:r><w:cr/></w:r>"
            });
        }
        broken.push_str(r);
    }
    broken.push_str("</w:p>");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("paragraphs.docx"),
        crate::support::docx(&paragraphs),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("breaks.docx"),
        crate::support::docx(&broken),
    )
    .unwrap();
    let j = crate::support::same_places(dir.path(), &["paragraphs.docx", "breaks.docx"], 3);
    assert_eq!(
        j["files"][1]["findings"][0]["place"],
        serde_json::json!({"kind": "paragraph", "paragraph": 1})
    );
}

#[test]
fn markdown_plans_with_disable_comments() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = seed_text("004").lines().map(String::from).collect();
    let mut md = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i + 1 == 261 {
            md.push("<!-- planlint-disable missing-lead -->".to_string());
        }
        md.push(l.clone());
        if i + 1 == 266 {
            md.push("<!-- planlint-enable -->".to_string());
            md.push("<!-- planlint-disable vague-lead -->".to_string());
            md.push("<!-- planlint-enable -->".to_string());
        }
    }
    std::fs::write(dir.path().join("plan.md"), md.join("\n")).unwrap();
    let r = run_in(
        dir.path(),
        &["check", "--no-config", "plan.md", "--format", "json"],
        b"",
    );
    let p = places(&r.json(), 0);
    assert!(!p.iter().any(|x| x.0 == "missing-lead"), "{p:?}");
    let unused: Vec<_> = p.iter().filter(|x| x.0 == "unused-ignore").collect();
    // Line 266 of the seed is line 267 of the Markdown copy; the unused comment is two lines on.
    assert_eq!(unused, [&("unused-ignore".to_string(), 269, 1)]);
    assert_eq!(r.json()["summary"]["suppressed"], 5);
    // Issue 20: the comment's finding is a catalogue message, in the run's language.
    let unused_messages = |lang: &str| {
        let r = run_in(
            dir.path(),
            &[
                "check",
                "--no-config",
                "plan.md",
                "--format",
                "concise",
                "--lang",
                lang,
            ],
            b"",
        );
        r.stdout
            .lines()
            .filter(|l| l.contains("PL301"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        unused_messages("zh"),
        ["plan.md:269:1: PL301 unused-ignore 此 planlint-disable 注释未屏蔽任何问题"]
    );
    assert_eq!(
        unused_messages("en"),
        ["plan.md:269:1: PL301 unused-ignore this planlint-disable comment suppressed no finding"]
    );
}

const IGNORES: &str = r#"
[[ignore]]
rule = "missing-lead"
text = "创新相关工作措施"
reason = "an optional item; the county chose no lead"

[[ignore]]
rule = "vague-lead"
text = "有效规范农村食品生产经营行为"
"#;

#[test]
fn config_found_by_walking_up_with_ignores_and_severities() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("plans/county");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::copy(seed("004"), deep.join("plan.txt")).unwrap();
    let config = format!(
        "[rules]\nselect = [\"missing-lead\", \"vague-lead\"]\nseverity = {{ missing-lead = \"error\" }}\n{IGNORES}"
    );
    std::fs::write(dir.path().join("planlint.toml"), &config).unwrap();
    let r = run_in(&deep, &["check", "plan.txt", "--format", "json"], b"");
    let j = r.json();
    let p = places(&j, 0);
    assert_eq!(
        p.iter().map(|x| x.1).collect::<Vec<_>>(),
        [157, 261, 262, 263, 265],
        "{p:?}"
    );
    let sev: Vec<&str> = j["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "missing-lead")
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert_eq!(sev, ["error"; 4]);
    // The second entry's text is in the plan but suppressed nothing: reported in the config.
    let cfg = &j["files"][1];
    assert!(cfg["path"].as_str().unwrap().ends_with("planlint.toml"));
    assert_eq!(places(&j, 1), [("unused-ignore".to_string(), 10, 1)]);
    assert_eq!(
        cfg["findings"][0]["message"],
        "ignore entry for vague-lead (text \"有效规范农村食品生产经营行为\") matched no finding"
    );
    assert_eq!(j["summary"]["suppressed"], 1);

    // --no-config: every rule, no ignores.
    let r = run_in(
        &deep,
        &["check", "--no-config", "plan.txt", "--format", "json"],
        b"",
    );
    assert_eq!(places(&r.json(), 0).len(), 43);
}

#[test]
fn config_errors_point_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed("002"), dir.path().join("plan.txt")).unwrap();
    std::fs::write(
        dir.path().join("planlint.toml"),
        "fail-on = \"warning\"\n[rules]\nselct = [\"missing-lead\"]\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "plan.txt"], b"");
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("unknown field `selct`"), "{}", r.stderr);
    assert!(
        r.stderr.contains("3 │ selct = [\"missing-lead\"]"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("planlint.toml:3:1"), "{}", r.stderr);
    assert!(r.stdout.is_empty());

    std::fs::write(
        dir.path().join("planlint.toml"),
        "[[ignore]]\nrule = \"missing-leed\"\ntext = \"x\"\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "plan.txt"], b"");
    assert_eq!(r.status, 2);
    assert!(r
        .stderr
        .contains("unknown rule `missing-leed` (see `planlint rules`)"));
    assert!(r.stderr.contains("planlint.toml:2:8"), "{}", r.stderr);
}

#[test]
fn baseline_survives_an_inserted_line_and_reports_only_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    let text = seed_text("004");
    std::fs::write(dir.path().join("plan.txt"), &text).unwrap();
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "plan.txt",
            "--write-baseline",
            "base.json",
        ],
        b"",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "planlint: wrote 43 findings to base.json\n");
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("base.json")).unwrap())
            .unwrap();
    assert_eq!(base["findings"].as_array().unwrap().len(), 43);

    // Two lines inserted at the top move every finding down; none is new.
    let shifted = format!("说明：本方案已经县政府常务会议审议通过。\n\n{text}");
    std::fs::write(dir.path().join("plan.txt"), &shifted).unwrap();
    let check = |d: &Path| {
        run_in(
            d,
            &[
                "check",
                "--no-config",
                "plan.txt",
                "--baseline",
                "base.json",
                "--format",
                "json",
            ],
            b"",
        )
    };
    let r = check(dir.path());
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert_eq!(places(&r.json(), 0), []);
    assert_eq!(r.json()["summary"]["suppressed"], 43);

    // A new problem is reported, alone.
    let worse = shifted.replacen("市场监管局", "工商局", 1);
    std::fs::write(dir.path().join("plan.txt"), &worse).unwrap();
    let r = check(dir.path());
    assert_eq!(r.status, 1);
    let p = places(&r.json(), 0);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "obsolete-agency");
}

#[test]
fn a_baseline_is_never_written_over_a_plan_the_directive_or_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let plan = seed_text("003");
    let directive = seed_text("001");
    std::fs::write(dir.path().join("plan.txt"), &plan).unwrap();
    std::fs::write(dir.path().join("directive.txt"), &directive).unwrap();
    std::fs::write(dir.path().join("planlint.toml"), "lang = \"en\"\n").unwrap();
    for (target, named) in [
        ("plan.txt", "plan.txt"),
        ("./plan.txt", "plan.txt"),
        ("directive.txt", "directive.txt"),
        ("planlint.toml", "planlint.toml"),
    ] {
        let r = run_in(
            dir.path(),
            &[
                "check",
                "plan.txt",
                "--against",
                "directive.txt",
                "--write-baseline",
                target,
            ],
            b"",
        );
        assert_eq!(r.status, 2, "{target}: {}", r.stderr);
        assert_eq!(
            r.stderr,
            format!("planlint: --write-baseline {target} is one of the inputs ({named}); write the baseline elsewhere\n")
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.txt")).unwrap(),
        plan
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("directive.txt")).unwrap(),
        directive
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("planlint.toml")).unwrap(),
        "lang = \"en\"\n"
    );
}

#[test]
fn a_plan_that_is_its_directive_is_refused_not_covered() {
    // check, diff and report read the directive's own file named as a plan (twice on the
    // command line, or by a [[directive]] glob that covers it) as a failure of that plan, not as
    // 100% covered with no finding. A copy under another name is read as a plan.
    let dir = tempfile::tempdir().unwrap();
    let directive = seed_text("001");
    std::fs::write(dir.path().join("directive.txt"), &directive).unwrap();
    std::fs::write(dir.path().join("copy.txt"), &directive).unwrap();
    std::fs::write(dir.path().join("plan.txt"), seed_text("003")).unwrap();
    let why = "it is the directive it would be compared with (directive.txt): name the plan, and the directive with --against";
    for plan in ["directive.txt", "./directive.txt"] {
        let r = run_in(
            dir.path(),
            &["check", "--no-config", plan, "--against", "directive.txt"],
            b"",
        );
        assert_eq!(r.status, 2, "{}", r.stdout);
        assert!(r.stdout.contains(&format!("{plan}: {why}")), "{}", r.stdout);
        let r = run_in(
            dir.path(),
            &["diff", "--no-config", plan, "--against", "directive.txt"],
            b"",
        );
        assert_eq!(r.status, 2);
        assert_eq!(r.stderr, format!("planlint: {plan}: {why}\n"));
    }
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "copy.txt",
            "--against",
            "directive.txt",
        ],
        b"",
    );
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(!r.stdout.contains(why), "{}", r.stdout);
    let r = run_in(
        dir.path(),
        &[
            "report",
            "--no-config",
            "plan.txt",
            "directive.txt",
            "--against",
            "directive.txt",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains(&format!("directive.txt: {why}")),
        "{}",
        r.stderr
    );
    assert_eq!(r.json()["plans"].as_array().unwrap().len(), 1);
    // A [[directive]] glob that covers the directive.
    std::fs::write(
        dir.path().join("planlint.toml"),
        "[[directive]]\nplans = \"*.txt\"\ndirective = \"directive.txt\"\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "directive.txt", "plan.txt"], b"");
    assert_eq!(r.status, 2);
    assert!(
        r.stdout.contains(&format!("directive.txt: {why}")),
        "{}",
        r.stdout
    );
}

#[test]
fn directive_per_plan_glob_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("plans")).unwrap();
    std::fs::create_dir_all(dir.path().join("directives")).unwrap();
    std::fs::copy(seed("003"), dir.path().join("plans/county.txt")).unwrap();
    std::fs::copy(seed("001"), dir.path().join("directives/city.txt")).unwrap();
    std::fs::write(
        dir.path().join("planlint.toml"),
        "[[directive]]\nplans = \"plans/*.txt\"\ndirective = \"directives/city.txt\"\n",
    )
    .unwrap();
    let by_config = run_in(
        dir.path(),
        &["check", "plans/county.txt", "--format", "json"],
        b"",
    );
    let by_flag = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "plans/county.txt",
            "--against",
            "directives/city.txt",
            "--format",
            "json",
        ],
        b"",
    );
    let a = by_config.json();
    assert_eq!(
        a["files"][0]["findings"],
        by_flag.json()["files"][0]["findings"]
    );
    // diff reads the [[directive]] as check does; without one it says what to do.
    let diff = |extra: &[&str]| {
        let args = [&["diff", "plans/county.txt", "--format", "json"], extra].concat();
        run_in(dir.path(), &args, b"")
    };
    let by_config = diff(&[]);
    let by_flag = diff(&["--against", "directives/city.txt"]);
    assert_eq!(by_config.status, 0, "{}", by_config.stderr);
    assert_eq!(by_config.json()["coverage"], by_flag.json()["coverage"]);
    let none = diff(&["--no-config"]);
    assert_eq!(none.status, 2);
    assert!(
        none.stderr.contains("no directive to compare with"),
        "{}",
        none.stderr
    );
    // In the user's language (issue 20).
    let none = diff(&["--no-config", "--lang", "zh"]);
    assert_eq!(
        (none.status, none.stderr.as_str()),
        (
            2,
            "planlint: plans/county.txt：没有可对照的上级文件：请用 --against 指定，或在 planlint.toml 中为该方案写明 [[directive]]\n"
        )
    );
    let comparative = a["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["directive"].is_null())
        .count();
    assert!(comparative > 0);
}

#[test]
fn github_annotations() {
    let r = run(&["check", seed("000").to_str().unwrap(), "--format", "github"]);
    assert_eq!(
        r.stdout,
        "::warning file=seeds/000_f468daa6086a4a9b.txt,line=34,col=267,endLine=34,endColumn=278,title=PL114 malformed-unit-name::自治区旅游发展委员会局 ends with 局 after 委员会: one body's name followed by another's head\n\
         ::warning file=seeds/000_f468daa6086a4a9b.txt,line=41,col=167,endLine=41,endColumn=169,title=PL103 empty-partner-list::the partner list of task 八、（二） is empty\n\
         ::warning file=seeds/000_f468daa6086a4a9b.txt,line=42,col=520,endLine=42,endColumn=528,title=PL115 level-mismatch::食品药品监管总局 is a national body, made responsible in a provincial plan\n\
         ::warning file=seeds/000_f468daa6086a4a9b.txt,line=48,col=249,endLine=48,endColumn=256,title=PL114 malformed-unit-name::自治区农教育厅 is 自治区教育厅, named elsewhere in the plan, with 农 inserted\n\
         planlint: 4 findings (0 errors, 4 warnings, 0 info) in 1 file\n"
    );
}

#[test]
fn quiet_and_no_summary() {
    let path = seed("001");
    let q = run(&["check", path.to_str().unwrap(), "-q"]);
    assert_eq!(
        q.stdout,
        "planlint: 3 findings (0 errors, 3 warnings, 0 info) in 1 file\n"
    );
    assert_eq!(q.status, 1);
    let n = run(&["check", path.to_str().unwrap(), "--no-summary"]);
    assert!(!n.stdout.contains("planlint: 3 findings"));
    assert!(n.stdout.contains("PL104/missing-deadline"));
    let never = run(&["check", path.to_str().unwrap(), "-q", "--fail-on", "never"]);
    assert_eq!(never.status, 0);
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let venv = match crate::support::python_env() {
        Ok(v) => v,
        Err(why) => {
            return crate::support::skip(
                "workflow::sarif_is_valid_against_the_official_schema",
                &why,
            )
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let r = run(&[
        "check",
        seed("003").to_str().unwrap(),
        "tests/fixtures/seed_003.docx",
        "missing.txt",
        "--against",
        seed("001").to_str().unwrap(),
        "--format",
        "sarif",
    ]);
    assert_eq!(r.status, 2);
    let sarif: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() > 19);
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
        "missing.txt: cannot read: no such file"
    );
    let out = dir.path().join("out.sarif");
    std::fs::write(&out, &r.stdout).unwrap();
    let script = "import json,sys,jsonschema\n\
        schema=json.load(open(sys.argv[1]))\n\
        jsonschema.Draft4Validator.check_schema(schema)\n\
        errors=list(jsonschema.Draft4Validator(schema).iter_errors(json.load(open(sys.argv[2]))))\n\
        [print(e.message, list(e.path)) for e in errors]\n\
        sys.exit(1 if errors else 0)\n";
    let v = std::process::Command::new(venv.join("bin/python"))
        .args(["-c", script, "tests/data/sarif-schema-2.1.0.json"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        v.status.success(),
        "SARIF does not validate:\n{}{}",
        String::from_utf8_lossy(&v.stdout),
        String::from_utf8_lossy(&v.stderr)
    );
    let _ = BIN;
}

/// Issue 20: planlint.toml's own finding (an ignore entry that suppressed nothing) is counted
/// among the findings and the files they are in, but planlint.toml is no file checked: one plan
/// checked is one, not `共检查 2 个`.
#[test]
fn the_configuration_is_no_file_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.txt"),
        "某市实施方案\n一、任务\n（一）推进食品安全工作。（市市场监管局负责）\n（二）推进追溯体系建设。（市农业农村局负责）\n（三）推进专项整治。（市公安局负责）\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("planlint.toml"),
        "[[ignore]]\nrule = \"numbering\"\ntext = \"食品\"\n",
    )
    .unwrap();
    let last = |lang: &str| {
        let r = run_in(dir.path(), &["check", "plan.txt", "--lang", lang], b"");
        assert_eq!(r.status, 1, "{}", r.stderr);
        r.stdout.lines().last().unwrap_or("").to_string()
    };
    assert_eq!(
        last("zh"),
        "planlint: 共 1 个问题（错误 0 个，警告 1 个，提示 0 个），涉及 1 个文件"
    );
    assert_eq!(
        last("en"),
        "planlint: 1 finding (0 errors, 1 warning, 0 info) in 1 file"
    );
}
