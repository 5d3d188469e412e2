//! Shell completions, the manual page, and colour in `diff` decided by anstream (NO_COLOR,
//! CLICOLOR_FORCE) unless `--color` says.

use crate::support::{run_in, seed, BIN};
use std::path::Path;
use std::process::Command;

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
    let mut c = Command::new(BIN);
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
