//! Shell completions, the manual page, and colour in `diff` decided by anstream (NO_COLOR,
//! CLICOLOR_FORCE) unless `--color` says.

use crate::support::{run_in, seed};
use std::path::Path;

fn run(args: &[&str]) -> crate::support::Run {
    run_in(Path::new("."), args, b"")
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for (shell, first) in [
        ("bash", ["_planlint() {", "    local i cur prev opts cmd"]),
        ("zsh", ["#compdef planlint", ""]),
        (
            "fish",
            [
                "# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.",
                "function __fish_planlint_global_optspecs",
            ],
        ),
        ("powershell", ["", "using namespace System.Management.Automation"]),
        ("elvish", ["", "use builtin;"]),
    ] {
        let r = run(&["completions", shell]);
        assert_eq!(r.status, 0, "{shell}: {}", r.stderr);
        let head: Vec<&str> = r.stdout.lines().take(2).collect();
        assert_eq!(head, first, "{shell}");
        for word in ["report", "check", "annotate", "against"] {
            assert!(r.stdout.contains(word), "{shell} completes {word}");
        }
    }
    let r = run(&["completions", "tcsh"]);
    assert_eq!(r.status, 2);
    let man = run(&["man"]);
    assert_eq!(man.status, 0);
    let lines: Vec<&str> = man.stdout.lines().take(5).collect();
    assert_eq!(
        lines,
        [
            r".ie \n(.g .ds Aq \(aq",
            ".el .ds Aq '",
            &format!(".TH planlint 1  \"planlint {}\" ", env!("CARGO_PKG_VERSION")),
            ".SH NAME",
            "planlint \\- Lint Chinese implementation plans (实施方案、工作安排、任务分工表) against their directives",
        ]
    );
    assert!(man.stdout.contains("report"));
}

/// `planlint diff 003 --against 001 ARGS` with extra environment.
fn diff(env: &[(&str, &str)], args: &[&str]) -> String {
    let (plan, directive) = (seed("003"), seed("001"));
    let mut c = crate::support::planlint();
    c.args(["diff", "--no-config"])
        .arg(&plan)
        .arg("--against")
        .arg(&directive)
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn diff_colour_honours_no_color_and_the_color_flag() {
    let esc = |s: &str| s.contains('\x1b');
    // Piped, nothing asked: plain, with the [-…-] {+…+} markers.
    let plain = diff(&[], &[]);
    assert!(!esc(&plain) && plain.contains("[-") && plain.contains("{+"));
    // CLICOLOR_FORCE colours a pipe; NO_COLOR wins over it.
    let forced = diff(&[("CLICOLOR_FORCE", "1")], &[]);
    assert!(
        forced.contains("\x1b[1m\x1b[31m") || forced.contains("\x1b[31"),
        "red deletions"
    );
    assert!(!forced.contains("[-"));
    assert!(!esc(&diff(
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        &[]
    )));
    assert!(!esc(&diff(
        &[("CLICOLOR_FORCE", "1")],
        &["--color", "never"]
    )));
    // An explicit --color always is the user's choice, over NO_COLOR.
    assert!(esc(&diff(&[("NO_COLOR", "1")], &["--color", "always"])));
    // The coloured text is the plain text's, markers aside.
    let stripped = anstream::adapter::strip_str(&forced).to_string();
    let unmarked = plain
        .replace("[-", "")
        .replace("-]", "")
        .replace("{+", "")
        .replace("+}", "");
    assert_eq!(stripped, unmarked);
}

/// `planlint check` in a locale, with extra arguments, run in `dir`.
fn check_in(dir: &Path, locale: &str, args: &[&str]) -> crate::support::Run {
    in_locale(dir, locale, &[&["check"], args].concat())
}

/// planlint with `args` in `dir` and `locale`, without colour.
fn in_locale(dir: &Path, locale: &str, args: &[&str]) -> crate::support::Run {
    let out = crate::support::planlint()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", locale)
        .output()
        .unwrap();
    crate::support::Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn messages_follow_the_locale_the_flag_and_the_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed("003"), dir.path().join("plan.txt")).unwrap();
    let zh_first = "plan.txt:10:1: PL108 numbering 序号(二）的括号全角、半角混用";
    let en_first = "plan.txt:10:1: PL108 numbering (二） mixes half- and full-width brackets";
    let zh_summary = "planlint: 共 24 个问题（错误 0 个，警告 22 个，提示 2 个），涉及 1 个文件";
    let en_summary = "planlint: 24 findings (0 errors, 22 warnings, 2 info) in 1 file";
    let first_and_last = |r: &crate::support::Run| {
        // Warnings fail the check by default.
        assert_eq!(r.status, 1, "{}", r.stderr);
        let lines: Vec<&str> = r.stdout.lines().collect();
        assert_eq!(lines.len(), 25, "{}", r.stdout);
        (lines[0].to_string(), lines[24].to_string())
    };
    let concise = ["--no-config", "--format", "concise", "plan.txt"];
    let r = check_in(dir.path(), "zh_CN.UTF-8", &concise);
    assert_eq!(first_and_last(&r), (zh_first.into(), zh_summary.into()));
    let r = check_in(dir.path(), "C", &concise);
    assert_eq!(first_and_last(&r), (en_first.into(), en_summary.into()));
    // The flag wins over the locale, both ways.
    let r = check_in(
        dir.path(),
        "zh_CN.UTF-8",
        &[&concise[..], &["--lang", "en"]].concat(),
    );
    assert_eq!(first_and_last(&r), (en_first.into(), en_summary.into()));
    let r = check_in(dir.path(), "C", &[&concise[..], &["--lang", "zh"]].concat());
    assert_eq!(first_and_last(&r), (zh_first.into(), zh_summary.into()));
    // planlint.toml's lang wins over the locale, the flag over planlint.toml.
    std::fs::write(dir.path().join("planlint.toml"), "lang = \"zh\"\n").unwrap();
    let configured = ["--format", "concise", "plan.txt"];
    let r = check_in(dir.path(), "C", &configured);
    assert_eq!(first_and_last(&r), (zh_first.into(), zh_summary.into()));
    let r = check_in(
        dir.path(),
        "C",
        &[&configured[..], &["--lang", "en"]].concat(),
    );
    assert_eq!(first_and_last(&r), (en_first.into(), en_summary.into()));
    std::fs::write(dir.path().join("planlint.toml"), "lang = \"fr\"\n").unwrap();
    let r = check_in(dir.path(), "C", &configured);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("unknown lang"), "{}", r.stderr);
    assert!(r.stderr.contains("(use zh or en)"), "{}", r.stderr);
    // JSON carries the messages, SARIF also the rules' documentation, in the chosen language.
    let r = check_in(
        dir.path(),
        "C",
        &[
            "--no-config",
            "--format",
            "json",
            "--lang",
            "zh",
            "plan.txt",
        ],
    );
    let first = &r.json()["files"][0]["findings"][0];
    assert_eq!(first["message"], "序号(二）的括号全角、半角混用");
    assert_eq!(first["help"], "括号应统一为全角，如（二）");
    let r = check_in(
        dir.path(),
        "zh_CN.UTF-8",
        &["--no-config", "--format", "sarif", "plan.txt"],
    );
    let sarif = r.json();
    let run = &sarif["runs"][0];
    assert_eq!(
        run["results"][0]["message"]["text"],
        "序号(二）的括号全角、半角混用\n括号应统一为全角，如（二）"
    );
    let help = run["tool"]["driver"]["rules"][0]["help"]["text"]
        .as_str()
        .unwrap();
    assert!(help.starts_with("## 检查内容\n"), "{help}");
    let r = check_in(
        dir.path(),
        "C",
        &["--no-config", "--format", "sarif", "plan.txt"],
    );
    let help = r.json()["runs"][0]["tool"]["driver"]["rules"][0]["help"]["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(help.starts_with("## What it does\n"), "{help}");
    // The help line of the human format is in the same language as the message, its label too
    // (issue 20: 建议：, not miette's help:).
    let r = check_in(dir.path(), "zh_CN.UTF-8", &["--no-config", "plan.txt"]);
    assert!(
        r.stdout.contains("  建议：括号应统一为全角，如（二）\n"),
        "{}",
        r.stdout
    );
    let r = check_in(dir.path(), "C", &["--no-config", "plan.txt"]);
    assert!(!r.stdout.contains("括号应统一为全角"), "{}", r.stdout);
}

#[test]
fn explain_in_either_language() {
    let zh = run(&["explain", "missing-lead", "--lang", "zh"]);
    assert_eq!(zh.status, 0, "{}", zh.stderr);
    assert!(zh.stdout.contains("检查单个方案"), "{}", zh.stdout);
    assert!(zh.stdout.contains("检查内容"), "{}", zh.stdout);
    let en = run(&["explain", "missing-lead"]);
    assert!(en.stdout.contains("checks one plan"), "{}", en.stdout);
    assert!(!en.stdout.contains("检查内容"), "{}", en.stdout);
}

#[test]
fn a_terminal_gets_a_window_that_fits_it() {
    // util-linux `script` gives planlint a terminal of 80 columns.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        return crate::support::skip(
            "cli_extras::a_terminal_gets_a_window_that_fits_it",
            "no util-linux `script` to run planlint in a terminal",
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("wide.txt");
    std::fs::write(
        &plan,
        format!(
            "白府发〔2023〕40号\n一、任务\n（一）{}区食品药品监督管理局建设。（区商务局负责）\n",
            "加".repeat(300)
        ),
    )
    .unwrap();
    let command = format!(
        "stty rows 24 cols 80; LANG=C NO_COLOR=1 {} check --no-config {}",
        crate::support::BIN,
        plan.display()
    );
    let out = std::process::Command::new("script")
        .args(["-q", "-c", &command, "/dev/null"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    let line = format!(
        " 3 │ …{}区食品药品监督管理局建设。（区商务局负责）\n",
        "加".repeat(15)
    );
    assert!(stdout.contains(&line), "{stdout}");
    // Not a terminal: 60 characters each side.
    let r = run(&["check", "--no-config", plan.to_str().unwrap()]);
    let line = format!(
        " 3 │ …{}区食品药品监督管理局建设。（区商务局负责）\n",
        "加".repeat(59)
    );
    assert!(r.stdout.contains(&line), "{}", r.stdout);
}

#[test]
fn diff_speaks_the_language_of_the_run() {
    let (plan, directive) = (seed("003"), seed("001"));
    let (plan, directive) = (plan.to_str().unwrap(), directive.to_str().unwrap());
    let diff = |extra: &[&str], locale: &str| {
        let args = [
            &["diff", "--no-config", plan, "--against", directive],
            extra,
        ]
        .concat();
        let r = in_locale(Path::new("."), locale, &args);
        assert_eq!(r.status, 0, "{}", r.stderr);
        r.stdout
    };
    let zh = diff(&[], "zh_CN.UTF-8");
    let lines: Vec<&str> = zh.lines().collect();
    // Seeds 003 and 001 are siblings: the reviewer reads that first.
    assert!(
        lines[1].starts_with("⚠ 本方案未引用上级文件的标题或文号"),
        "{}",
        lines[1]
    );
    assert_eq!(
        lines[2],
        "覆盖情况：上级文件64项任务，已体现51项（79.7%），部分体现7项（10.9%），未体现6项（9.4%），不适用0项"
    );
    assert!(
        zh.contains("\n上级任务 二、（五）2. 第32行：未体现\n"),
        "{zh}"
    );
    assert!(zh.contains("\n  ✗ 方案中未见对应内容："), "{zh}");
    let en = diff(&["--lang", "en"], "zh_CN.UTF-8");
    let lines: Vec<&str> = en.lines().collect();
    assert_eq!(
        lines[2],
        "coverage: 51/64 directive tasks carried out (79.7%), 7 in part (10.9%), 6 missing (9.4%), 0 not applicable"
    );
    assert!(
        en.contains("\ndirective 二、（五）2. L32: missing\n"),
        "{en}"
    );
}

#[test]
fn a_notice_without_tasks_fails_and_an_unread_clause_part_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notice.txt"),
        "关于召开食品安全工作会议的通知\n各乡镇、各有关部门：\n定于2023年5月10日召开全县食品安全工作会议，请准时参加。\n县食品安全委员会办公室\n2023年5月4日\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("clause.txt"),
        "一、任务\n（一）加强监管。（县市场监管局牵头，县公安局配合；视情况动态调整，县卫健局列席）\n",
    )
    .unwrap();
    let r = run_in(
        dir.path(),
        &["check", "--no-config", "--format", "concise", "notice.txt"],
        b"",
    );
    assert_eq!(r.status, 1);
    assert_eq!(
        r.stdout,
        "notice.txt:1:1: PL111 no-tasks no task found in this plan: read 5 paragraphs, 0 numbered headings, 0 tables (0 rows) and 0 bracket groups, 0 of them responsibility clauses\n\
         planlint: 1 finding (1 error, 0 warnings, 0 info) in 1 file\n"
    );
    let r = run_in(
        dir.path(),
        &["check", "--no-config", "--format", "concise", "clause.txt"],
        b"",
    );
    // Info findings do not fail the check; the rest of the clause is read. A piece that names
    // nobody (视情况动态调整) is not reported: no owner can be lost in it.
    assert_eq!(r.status, 0);
    assert_eq!(
        r.stdout,
        "clause.txt:2:34: PL112 unread-clause this part of a responsibility clause was not read: `县卫健局列席`\n\
         planlint: 1 finding (0 errors, 0 warnings, 1 info) in 1 file\n"
    );
    let r = run_in(
        dir.path(),
        &["parse", "--format", "json", "clause.txt"],
        b"",
    );
    let task = &r.json()["tasks"][0];
    assert_eq!(task["leads"][0]["name"], "县市场监管局");
    assert_eq!(task["partners"][0]["name"], "县公安局");
}

/// Issue 20: the model in a drafter's words under --lang zh (the plan's own words as written).
#[test]
fn parse_speaks_chinese_under_lang_zh() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.txt"),
        "某县农村公路建设实施方案\n一、重点任务\n（一）完善路网。到2025年，农村公路优良中等路率达到85%以上。（县交通运输局牵头，县财政局配合；2024年底前完成）\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["parse", "--lang", "zh", "plan.txt"], b"");
    assert_eq!(r.status, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], "plan.txt（utf-8，3 行）");
    assert_eq!(lines[1], "  标题：某县农村公路建设实施方案");
    assert!(
        r.stdout
            .contains("\n        牵头：县交通运输局  配合：县财政局\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("\n        完成时限：2024年底前完成\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("\n        目标：达到85%以上（不低于 85 %）\n"),
        "{}",
        r.stdout
    );
    // English by default (the locale is C here), and a file it cannot read is said in Chinese.
    let en = run_in(dir.path(), &["parse", "plan.txt"], b"");
    assert!(en
        .stdout
        .contains("    leads: 县交通运输局  partners: 县财政局\n"));
    let missing = run_in(dir.path(), &["parse", "--lang", "zh", "none.txt"], b"");
    assert_eq!(missing.status, 2);
    assert_eq!(missing.stderr, "planlint: none.txt: 无法读取：文件不存在\n");
}

#[test]
fn parse_counts_the_rows_and_tasks_read_per_table() {
    // A task table read row by row, then one whose task cells are empty: the first gives its
    // two tasks, the second none (and `unread-table` at its header).
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.txt"),
        "某县实施方案\n一、重点任务\n附件1\n重点任务分工表\n序号\t重点任务\t牵头单位\t完成时限\n1\t完善设施\t县住建局\t2024年底\n2\t加强监管\t县市场监管局\t2024年底\n附件2\n序号\t重点任务\t牵头单位\t完成时限\n1\t\t县住建局\t2024年底\n2\t\t县财政局\t2024年底\n3\t\t县水利局\t2025年底\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["parse", "plan.txt"], b"");
    assert_eq!(r.status, 0, "{}", r.stderr);
    let counts: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("  table "))
        .collect();
    assert_eq!(
        counts,
        [
            "  table 1 L5: 2 rows, 2 tasks read",
            "  table 2 L9: 3 rows, 0 tasks read"
        ]
    );
    let json = run_in(dir.path(), &["parse", "--format", "json", "plan.txt"], b"").json();
    let tables: Vec<(u64, u64, u64)> = json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["table"].as_u64().unwrap(),
                t["rows"].as_u64().unwrap(),
                t["tasks"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(tables, [(1, 2, 2), (2, 3, 0)]);
    assert_eq!(json["tables"][1]["header"]["line"], 9);
    let r = run_in(
        dir.path(),
        &["check", "--no-config", "--format", "concise", "plan.txt"],
        b"",
    );
    assert!(
        r.stdout.contains("plan.txt:9:1: PL123 unread-table"),
        "{}",
        r.stdout
    );
}
