//! Words a Chinese user reads (issue 20): under a Chinese locale the status
//! lines, the summary, the CSV and xlsx headers, `rules` and `explain` are Chinese; `explain` is
//! plain text; planlint.toml's `lang` holds for `rules` and `explain` too; the summary names
//! only the files that had findings; the xlsx stores rates as the cell shows them.

use crate::support::{planlint, seed};
use std::path::Path;

struct Out {
    status: i32,
    stdout: String,
    stderr: String,
}

/// planlint with `args` in `dir` under `locale` (LANG; LC_ALL and LC_MESSAGES unset).
fn in_locale(dir: &Path, locale: &str, args: &[&str]) -> Out {
    let out = planlint()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", locale)
        .output()
        .unwrap();
    Out {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A directory with seed 003 as plan.txt and seed 001 as directive.txt.
fn plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed("003"), dir.path().join("plan.txt")).unwrap();
    std::fs::copy(seed("001"), dir.path().join("directive.txt")).unwrap();
    dir
}

fn zip_part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
    s
}

#[test]
fn status_lines_and_report_headers_follow_a_chinese_locale() {
    let dir = plans();
    let d = dir.path();
    let zh = "zh_CN.UTF-8";
    let r = in_locale(
        d,
        zh,
        &[
            "check",
            "--no-config",
            "plan.txt",
            "--write-baseline",
            "base.json",
        ],
    );
    assert_eq!(
        (r.status, r.stderr.as_str()),
        (0, "planlint: 已将 24 个问题写入基线文件 base.json\n")
    );
    let report = [
        "report",
        "--no-config",
        "plan.txt",
        "--against",
        "directive.txt",
    ];
    let r = in_locale(d, zh, &[&report[..], &["-o", "r.csv"]].concat());
    assert_eq!(
        (r.status, r.stderr.as_str()),
        (
            0,
            "planlint: 已写入 r.csv（上级任务 64 项 × 下级方案 1 个，落实率 51/64 (79.7%)）\n"
        )
    );
    let csv = std::fs::read_to_string(d.join("r.csv")).unwrap();
    assert_eq!(
        csv.lines().next().unwrap(),
        "\u{FEFF}部分,编号,任务代号,行号,上级任务,plan,落实方案数"
    );
    let r = in_locale(d, zh, &[&report[..], &["-o", "r.xlsx"]].concat());
    assert_eq!(r.status, 0, "{}", r.stderr);
    let sheet2 = zip_part(&d.join("r.xlsx"), "xl/worksheets/sheet2.xml");
    let shared = zip_part(&d.join("r.xlsx"), "xl/sharedStrings.xml");
    for head in ["下级方案", "文件路径", "已体现", "落实率"] {
        assert!(shared.contains(&format!(">{head}<")), "{head}: {shared}");
    }
    assert!(!shared.contains(">path<"), "{shared}");
    // 51/64 is 79.7% as the cell shows it: stored as 0.797, never 0.79700000000000004.
    let values: Vec<&str> = sheet2
        .split("<v>")
        .skip(1)
        .map(|v| v.split('<').next().unwrap())
        .collect();
    assert_eq!(values.iter().filter(|v| **v == "0.797").count(), 2);
    for v in &values {
        let decimals = v.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 3, "{v} in {sheet2}");
    }

    // The same runs in an English locale keep their English words.
    let r = in_locale(d, "C", &[&report[..], &["-o", "r.csv"]].concat());
    assert_eq!(
        r.stderr,
        "planlint: wrote r.csv (64 directive tasks × 1 plan, coverage 51/64 (79.7%))\n"
    );
    let csv = std::fs::read_to_string(d.join("r.csv")).unwrap();
    assert_eq!(
        csv.lines().next().unwrap(),
        "\u{FEFF}Section,number,id,line,Directive task,plan,plans carrying it"
    );
    let r = in_locale(
        d,
        "C",
        &[
            "check",
            "--no-config",
            "plan.txt",
            "--write-baseline",
            "base.json",
        ],
    );
    assert_eq!(r.stderr, "planlint: wrote 24 findings to base.json\n");
    // The annotated Word copy's line.
    std::fs::copy("tests/fixtures/seed_003.docx", d.join("plan.docx")).unwrap();
    let r = in_locale(
        d,
        zh,
        &[
            "check",
            "--no-config",
            "plan.docx",
            "--annotate",
            "reviewed.docx",
            "-q",
        ],
    );
    assert_eq!(
        (r.status, r.stderr.as_str()),
        (1, "planlint: 已写入 reviewed.docx，含批注 24 条\n")
    );
    // An unknown rule is named in the user's language.
    let r = in_locale(
        d,
        zh,
        &["check", "--no-config", "--select", "nope", "plan.txt"],
    );
    assert_eq!(
        (r.status, r.stderr.as_str()),
        (
            2,
            "planlint: 没有名为“nope”的规则（规则列表见 planlint rules）\n"
        )
    );
}

#[test]
fn the_summary_names_only_the_files_that_had_findings() {
    let dir = plans();
    let d = dir.path();
    // vague-lead fires on seed 003 only (6 times); invisible-character on neither.
    let args = |rule: &'static str| {
        [
            "check",
            "--no-config",
            "--format",
            "concise",
            "--select",
            rule,
            "plan.txt",
            "directive.txt",
        ]
    };
    let last = |r: Out| r.stdout.lines().last().unwrap().to_string();
    assert_eq!(
        last(in_locale(d, "zh_CN.UTF-8", &args("vague-lead"))),
        "planlint: 共 6 个问题（错误 0 个，警告 6 个，提示 0 个），涉及 1 个文件（共检查 2 个）"
    );
    assert_eq!(
        last(in_locale(d, "C", &args("vague-lead"))),
        "planlint: 6 findings (0 errors, 6 warnings, 0 info) in 1 file (of 2 checked)"
    );
    assert_eq!(
        last(in_locale(d, "zh_CN.UTF-8", &args("invisible-character"))),
        "planlint: 未发现问题（共检查 2 个文件）"
    );
    assert_eq!(
        last(in_locale(d, "C", &args("invisible-character"))),
        "planlint: 0 findings in 2 files checked"
    );
}

#[test]
fn rules_and_explain_speak_the_chosen_language_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let r = in_locale(d, "C", &["rules", "--lang", "zh"]);
    assert_eq!(
        r.stdout.lines().next().unwrap(),
        "PL101  missing-lead           错误     任务未明确牵头/责任单位"
    );
    let r = in_locale(d, "C", &["rules"]);
    assert_eq!(
        r.stdout.lines().next().unwrap(),
        "PL101  missing-lead           error    a task names no responsible unit"
    );
    let r = in_locale(d, "zh_CN.UTF-8", &["explain", "PL101"]);
    let head: Vec<&str> = r.stdout.lines().take(5).collect();
    assert_eq!(
        head,
        [
            "missing-lead (PL101) · 错误 · 检查单个方案",
            "任务未明确牵头/责任单位",
            "",
            "【检查内容】",
            "查找未明确牵头单位的任务：一是带编号的任务缺少责任括号，而与其并列的其他任务都写有责任括号（以“●”“——”“第一项”等开头、各项自带责任括号的无编号列表中，缺少括号的一项同样如此）；二是任务表中某一行的“牵头单位”或“责任部门”栏为空（任务栏以责任括号结尾的，按括号读出牵头单位；没有牵头单位栏的表格中，多数行带有责任括号而某一行没有的，同样报告）。",
        ]
    );
    let r = in_locale(d, "C", &["explain", "unused-ignore"]);
    assert!(
        r.stdout.starts_with(
            "unused-ignore (PL301) · warning · checks planlint.toml\n\
             an [[ignore]] entry in planlint.toml that matched no finding\n\
             \n\
             WHAT IT DOES\n\
             Reports [[ignore]] entries of planlint.toml, and <!-- planlint-disable --> comments"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("EXAMPLE\n    [[ignore]]\n    rule = \"missing-lead\"\n"),
        "{}",
        r.stdout
    );

    // planlint.toml's lang holds for rules and explain as for check; --lang over it.
    std::fs::write(d.join("planlint.toml"), "lang = \"zh\"\n").unwrap();
    let r = in_locale(d, "C", &["rules"]);
    assert!(
        r.stdout.starts_with("PL101  missing-lead           错误 "),
        "{}",
        r.stdout
    );
    let r = in_locale(d, "C", &["explain", "missing-lead"]);
    assert!(
        r.stdout.starts_with("missing-lead (PL101) · 错误 ·"),
        "{}",
        r.stdout
    );
    let r = in_locale(d, "C", &["rules", "missing-lead", "--lang", "en"]);
    assert!(
        r.stdout.starts_with("missing-lead (PL101) · error ·"),
        "{}",
        r.stdout
    );

    // Every rule's documentation, in both languages, without Markdown marks.
    let names: Vec<String> = in_locale(d, "C", &["rules", "--lang", "en"])
        .stdout
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap().to_string())
        .collect();
    assert!(names.len() >= 26, "{names:?}");
    for name in &names {
        for lang in ["zh", "en"] {
            let r = in_locale(d, "C", &["explain", name, "--lang", lang]);
            assert_eq!(r.status, 0, "{name}: {}", r.stderr);
            for bad in ["```", "`", "**"] {
                assert!(
                    !r.stdout.contains(bad),
                    "{name} {lang}: {bad}\n{}",
                    r.stdout
                );
            }
            for line in r.stdout.lines() {
                assert!(!line.starts_with('#'), "{name} {lang}: {line}");
            }
            let severity_word = r
                .stdout
                .lines()
                .next()
                .unwrap()
                .split(" · ")
                .nth(1)
                .unwrap();
            let words = if lang == "zh" {
                ["错误", "警告", "提示"]
            } else {
                ["error", "warning", "info"]
            };
            assert!(
                words.contains(&severity_word),
                "{name} {lang}: {severity_word}"
            );
        }
    }
}

/// Issue 20: a file that could not be read says why in the locale's language in the concise
/// format too (the word `error` stays for tools); English under an English locale.
#[test]
fn concise_read_errors_in_the_locale_language() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["check", "--no-config", "nosuch.txt", "--format", "concise"];
    let zh = in_locale(dir.path(), "zh_CN.UTF-8", &args);
    assert_eq!(zh.status, 2);
    assert_eq!(
        zh.stdout.lines().next(),
        Some("nosuch.txt: error: 无法读取：文件不存在")
    );
    let en = in_locale(dir.path(), "C", &args);
    assert_eq!(
        en.stdout.lines().next(),
        Some("nosuch.txt: error: cannot read: no such file")
    );
}
