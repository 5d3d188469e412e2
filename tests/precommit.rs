//! The pre-commit hook, for real: pre-commit from PyPI, a temporary git repository with a plan
//! and its directive, and `.pre-commit-config.yaml` pointing at this checkout (issue #6). The
//! hook builds planlint from the checkout's HEAD commit with cargo, as users' machines do.

use crate::support::{python_env, seed_text};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "planlint test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "planlint test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .output()
        .expect("git runs")
}

#[test]
fn hook_fails_on_a_missing_lead_and_passes_after_the_fix() {
    let venv = match python_env() {
        Ok(v) => v,
        Err(why) => {
            return crate::support::skip(
                "precommit::hook_fails_on_a_missing_lead_and_passes_after_the_fix",
                &why,
            )
        }
    };
    let checkout = std::env::current_dir().unwrap();
    let head = git(&checkout, &["rev-parse", "HEAD"]);
    assert!(head.status.success(), "this checkout is a git repository");
    let rev = String::from_utf8(head.stdout).unwrap().trim().to_string();

    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    assert!(git(dir, &["init", "-q", "-b", "main"]).status.success());
    std::fs::create_dir_all(dir.join("plans")).unwrap();
    std::fs::create_dir_all(dir.join("directives")).unwrap();
    // The directive is seed 002; the plan is seed 002 with task 二、（三）'s clause deleted.
    let good = seed_text("002");
    let clause = "（市发展改革局、市经信局、市环保局、市农发局、市海洋渔业局按职责分工负责）\n";
    assert!(good.contains(clause));
    let broken = good.replacen(clause, "\n", 1);
    std::fs::write(dir.join("directives/province.txt"), &good).unwrap();
    std::fs::write(dir.join("plans/city.txt"), &broken).unwrap();
    std::fs::write(
        dir.join("planlint.toml"),
        "[[directive]]\nplans = \"plans/*.txt\"\ndirective = \"directives/province.txt\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: planlint\n        exclude: ^directives/\n",
            checkout.display()
        ),
    )
    .unwrap();

    let target = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let pre_commit = |args: &[&str]| {
        Command::new(venv.join("bin/pre-commit"))
            .args(args)
            .current_dir(dir)
            // Keep pre-commit's clones and cargo's build between runs of this test.
            .env("PRE_COMMIT_HOME", target.join("pre-commit-home"))
            .env("CARGO_TARGET_DIR", target.join("pre-commit-cargo"))
            .env("NO_COLOR", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .env("GIT_AUTHOR_NAME", "planlint test")
            .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
            .env("GIT_COMMITTER_NAME", "planlint test")
            .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
            .output()
            .expect("pre-commit runs")
    };
    assert!(git(dir, &["add", "."]).status.success());
    let first = pre_commit(&["run"]);
    let out = String::from_utf8_lossy(&first.stdout);
    assert!(!first.status.success(), "the hook must fail:\n{out}");
    assert!(out.contains("planlint"), "{out}");
    assert!(out.contains("Failed"), "{out}");
    assert!(out.contains("PL101/missing-lead"), "{out}");
    assert!(out.contains("task 二、（三） names no lead unit"), "{out}");
    assert!(out.contains("plans/city.txt:13:1"), "{out}");

    // The fix: the clause is back.
    std::fs::write(dir.join("plans/city.txt"), &good).unwrap();
    assert!(git(dir, &["add", "."]).status.success());
    let second = pre_commit(&["run"]);
    let out = String::from_utf8_lossy(&second.stdout);
    assert!(second.status.success(), "the hook must pass:\n{out}");
    assert!(out.contains("Passed"), "{out}");
}
