//! Comparing a real plan with its directive (seed 003 against seed 001, both implementing
//! 中发〔2019〕17号): the comparative findings pinned, and a reviewer's verdicts in
//! planlint.toml taking effect in `check` and in `diff`.

use crate::support::{run_in, seed};

/// (rule, plan line, directive line) of every comparative finding.
fn comparative(j: &serde_json::Value) -> Vec<(String, u64, Option<u64>)> {
    j["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            [
                "missing-task",
                "partly-covered",
                "weakened-target",
                "dropped-target",
                "later-deadline",
                "directive-not-cited",
            ]
            .contains(&f["rule"].as_str().unwrap())
        })
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["directive"]["line"].as_u64(),
            )
        })
        .collect()
}

fn pair_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed("003"), dir.path().join("plan.txt")).unwrap();
    std::fs::copy(seed("001"), dir.path().join("directive.txt")).unwrap();
    dir
}

#[test]
fn comparative_findings_of_a_real_pair() {
    let dir = pair_dir();
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "plan.txt",
            "--against",
            "directive.txt",
            "--format",
            "json",
        ],
        b"",
    );
    let got = comparative(&r.json());
    let want: Vec<(String, u64, Option<u64>)> = [
        ("directive-not-cited", 1, None),
        ("partly-covered", 8, Some(19)),
        ("partly-covered", 8, Some(21)),
        ("partly-covered", 12, Some(26)),
        ("missing-task", 17, Some(32)),
        ("missing-task", 17, Some(34)),
        ("missing-task", 29, Some(95)),
        ("missing-task", 30, Some(67)),
        ("missing-task", 31, Some(114)),
        ("partly-covered", 31, Some(106)),
        ("partly-covered", 31, Some(112)),
        ("weakened-target", 36, Some(74)),
        ("weakened-target", 37, Some(75)),
        ("partly-covered", 41, Some(82)),
        ("partly-covered", 47, Some(108)),
        ("partly-covered", 47, Some(72)),
        ("missing-task", 57, Some(127)),
        ("partly-covered", 57, Some(126)),
        ("partly-covered", 59, Some(129)),
        ("partly-covered", 229, Some(35)),
        ("missing-task", 258, Some(40)),
        ("missing-task", 258, Some(41)),
        ("partly-covered", 384, Some(56)),
        ("partly-covered", 496, Some(61)),
        ("partly-covered", 612, Some(76)),
        ("partly-covered", 1054, Some(131)),
    ]
    .into_iter()
    .map(|(r, l, d)| (r.to_string(), l, d))
    .collect();
    assert_eq!(got, want);
}

const OVERRIDES: &str = r#"
[[pair]]
directive = "扩大对取证工具、执法装备的配备范围"
plan = "加强执法力量和装备配备"
reason = "the county equips its law enforcement in 三、（三）"

[[not-applicable]]
directive = "进口冷链食品"
reason = "平罗县 has no cold-chain import warehouse"

[[pair]]
directive = "扩大对取证工具、执法装备的配备范围"
plan = "no plan task says this"
"#;

#[test]
fn a_reviewers_verdicts_take_effect_in_check_and_diff() {
    let dir = pair_dir();
    std::fs::write(dir.path().join("planlint.toml"), OVERRIDES).unwrap();
    let check = |args: &[&str]| {
        let mut a = vec![
            "check",
            "plan.txt",
            "--against",
            "directive.txt",
            "--format",
            "json",
        ];
        a.extend(args);
        run_in(dir.path(), &a, b"").json()
    };
    let j = check(&[]);
    let missing: Vec<u64> = comparative(&j)
        .into_iter()
        .filter(|f| f.0 == "missing-task")
        .filter_map(|f| f.2)
        .collect();
    // 67 (取证工具) is paired, 32 (进口冷链食品) does not apply.
    assert_eq!(missing, [34, 95, 114, 127, 40, 41]);
    // The second [[pair]] entry matches no plan task: reported in planlint.toml.
    let cfg = &j["files"][1];
    assert!(cfg["path"].as_str().unwrap().ends_with("planlint.toml"));
    assert_eq!(cfg["findings"][0]["rule"], "unused-ignore");
    assert_eq!(cfg["findings"][0]["line"], 11);
    assert_eq!(
        cfg["findings"][0]["message"],
        "[[pair]] entry (directive \"扩大对取证工具、执法装备的配备范围\", plan \"no plan task says this\") matched no plan task"
    );
    // diff reads the same file.
    let d = run_in(
        dir.path(),
        &[
            "diff",
            "plan.txt",
            "--against",
            "directive.txt",
            "--format",
            "json",
        ],
        b"",
    )
    .json();
    let verdict = |line: u64| -> (String, Option<String>) {
        let t = d["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["directive"]["line"] == line)
            .unwrap();
        (
            t["verdict"].as_str().unwrap().to_string(),
            t["reason"].as_str().map(String::from),
        )
    };
    assert_eq!(
        verdict(67),
        (
            "covered".to_string(),
            Some("paired by a reviewer ([[pair]] in planlint.toml)".to_string())
        )
    );
    assert_eq!(
        verdict(32),
        (
            "not-applicable".to_string(),
            Some("not applicable: 平罗县 has no cold-chain import warehouse".to_string())
        )
    );
    assert_eq!(d["coverage"]["not_applicable"], 1);
    // --no-config: the verdicts are planlint's own again.
    let d = run_in(
        dir.path(),
        &[
            "diff",
            "--no-config",
            "plan.txt",
            "--against",
            "directive.txt",
            "--format",
            "json",
        ],
        b"",
    )
    .json();
    assert_eq!(d["coverage"]["not_applicable"], 0);
}
