//! Odd and broken inputs (issue #5): each gets a clear message and exit status 2, or a normal
//! result where the input is merely odd; never a panic; the other files of the run are still
//! checked and reported; planlint never writes to what it checks; output is deterministic.

use crate::support::{run_in, seed, seed_text, Run};
use std::path::Path;

/// Checks `bad` beside seed 001 (3 findings) in one run.
fn beside_a_good_plan(dir: &Path, bad: &str) -> Run {
    std::fs::copy(seed("001"), dir.join("good.txt")).unwrap();
    run_in(dir, &["check", "--no-config", bad, "good.txt"], b"")
}

fn assert_reported(r: &Run, bad: &str, message: &str) {
    assert_eq!(r.status, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains(&format!("error: {bad}: {message}\n")),
        "{}",
        r.stdout
    );
    // The good plan is still checked and reported.
    assert!(r.stdout.contains("PL104/missing-deadline"), "{}", r.stdout);
    assert!(
        r.stdout.ends_with(
            "planlint: 3 findings (0 errors, 3 warnings, 0 info) in 2 files; 1 file could not be read\n"
        ),
        "{}",
        r.stdout
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

#[test]
fn empty_and_blank_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("blank.txt"), " \n\t\r\n\u{3000}\n").unwrap();
    let message = "the file is empty or holds only white space";
    assert_reported(
        &beside_a_good_plan(dir.path(), "empty.txt"),
        "empty.txt",
        message,
    );
    assert_reported(
        &beside_a_good_plan(dir.path(), "blank.txt"),
        "blank.txt",
        message,
    );
}

#[test]
fn binary_and_undecodable_files() {
    let dir = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    std::fs::write(dir.path().join("image.txt"), png).unwrap();
    assert_reported(
        &beside_a_good_plan(dir.path(), "image.txt"),
        "image.txt",
        "the file is binary, not a text document",
    );
    // Valid UTF-8 Chinese, then 0xFF: neither UTF-8 nor GB18030.
    let mut bytes = "一、加强监管\n（一）落实".as_bytes().to_vec();
    bytes.extend([0xFF, 0x41]);
    std::fs::write(dir.path().join("broken.txt"), &bytes).unwrap();
    assert_reported(
        &beside_a_good_plan(dir.path(), "broken.txt"),
        "broken.txt",
        "the file is neither UTF-8 (byte 0xFF at line 2, byte offset 34 is invalid), UTF-16 with a byte-order mark, nor GB18030/GBK text",
    );
    // A zip that is not a Word document.
    std::fs::write(dir.path().join("plan.docx"), b"PK\x03\x04garbage").unwrap();
    assert_reported(
        &beside_a_good_plan(dir.path(), "plan.docx"),
        "plan.docx",
        "not a Word .docx file (it is not a zip archive)",
    );
}

#[test]
fn missing_unreadable_and_directory_inputs() {
    let dir = tempfile::tempdir().unwrap();
    assert_reported(
        &beside_a_good_plan(dir.path(), "gone.txt"),
        "gone.txt",
        "cannot read: no such file",
    );
    // A file that vanished after it was listed: a dangling link inside a walked directory.
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("deleted.txt"),
        dir.path().join("plans/a.txt"),
    )
    .unwrap();
    #[cfg(unix)]
    {
        let r = beside_a_good_plan(dir.path(), "plans");
        assert!(
            r.stdout
                .contains("error: plans/a.txt: cannot read: no such file"),
            "{}",
            r.stdout
        );
        assert_eq!(r.status, 2);
    }
    std::fs::create_dir(dir.path().join("empty-dir")).unwrap();
    assert_reported(
        &beside_a_good_plan(dir.path(), "empty-dir"),
        "empty-dir",
        "the directory holds no .txt, .md or .docx files",
    );
    // A file that exists but cannot be read, even by root: reading /proc/self/mem fails.
    #[cfg(target_os = "linux")]
    assert_reported(
        &beside_a_good_plan(dir.path(), "/proc/self/mem"),
        "/proc/self/mem",
        "cannot read: Input/output error (os error 5)",
    );
}

#[test]
fn directive_that_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seed("002"), dir.path().join("plan.txt")).unwrap();
    std::fs::write(dir.path().join("readme.txt"), "hello\nnot a plan\n").unwrap();
    std::fs::write(
        dir.path().join("notice.txt"),
        "关于召开会议的通知\n请各单位准时参加。\n",
    )
    .unwrap();
    for (directive, message) in [
        (
            "readme.txt",
            "the text holds no Chinese characters, so it is not a plan",
        ),
        (
            "notice.txt",
            "the directive holds no tasks planlint can read, so there is nothing to compare with (read 2 paragraphs, 0 numbered headings, 0 tables, 0 bracket groups)",
        ),
    ] {
        let r = run_in(
            dir.path(),
            &["check", "--no-config", "plan.txt", "--against", directive],
            b"",
        );
        assert_eq!(r.status, 2);
        assert_eq!(r.stderr, format!("planlint: {directive}: {message}\n"));
        assert_eq!(r.stdout, "");
    }
}

#[test]
fn crlf_and_lone_cr_line_ends_give_the_same_places() {
    let dir = tempfile::tempdir().unwrap();
    let text = seed_text("004");
    std::fs::write(dir.path().join("lf.txt"), &text).unwrap();
    std::fs::write(dir.path().join("crlf.txt"), text.replace('\n', "\r\n")).unwrap();
    std::fs::write(dir.path().join("cr.txt"), text.replace('\n', "\r")).unwrap();
    crate::support::same_places(dir.path(), &["lf.txt", "crlf.txt", "cr.txt"], 47);
}

#[test]
fn deep_brackets_and_a_megabyte_line_are_merely_odd() {
    let dir = tempfile::tempdir().unwrap();
    let nested = format!(
        "一、加强监管\n（一）落实责任{}市场监管局负责{}\n",
        "（".repeat(10_000),
        "）".repeat(10_000)
    );
    std::fs::write(dir.path().join("nested.txt"), nested).unwrap();
    let unclosed = format!(
        "一、加强监管\n{}{}\n",
        "（一）".repeat(10_000),
        "[(".repeat(5_000)
    );
    std::fs::write(dir.path().join("unclosed.txt"), unclosed).unwrap();
    let sentence = "加强食品安全监管，到2022年食品抽检合格率达到98%以上，（市场监管局负责）";
    let line = format!(
        "一、加强监管。{}\n",
        sentence.repeat(1_048_576 / sentence.len() + 1)
    );
    assert!(line.len() > 1_048_576);
    std::fs::write(dir.path().join("long.txt"), line).unwrap();
    let r = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "nested.txt",
            "unclosed.txt",
            "long.txt",
            "--format",
            "json",
        ],
        b"",
    );
    assert!(r.status == 0 || r.status == 1, "{}", r.stderr);
    let j = r.json();
    assert_eq!(j["summary"]["files"], 3);
    assert_eq!(j["summary"]["failed_files"], 0);
}

#[test]
fn a_100_mb_plan_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let seeds: Vec<String> = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| seed_text(p))
        .collect();
    let block = seeds.join("\n");
    let copies = 100 * 1024 * 1024 / block.len() + 1;
    let big = vec![block.as_str(); copies].join("\n");
    assert!(big.len() >= 100 * 1024 * 1024);
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    let r = run_in(dir.path(), &["check", "--no-config", "big.txt", "-q"], b"");
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stdout.starts_with("planlint: "), "{}", r.stdout);
    assert!(r.stdout.ends_with("in 1 file\n"), "{}", r.stdout);
}

#[test]
fn never_writes_inputs_and_output_is_deterministic_in_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    for k in 0..12 {
        let name = ["000", "001", "002", "003", "004"][k % 5];
        std::fs::copy(seed(name), dir.path().join(format!("plan{k:02}.txt"))).unwrap();
    }
    let before: Vec<(Vec<u8>, std::time::SystemTime)> = (0..12)
        .map(|k| {
            let p = dir.path().join(format!("plan{k:02}.txt"));
            (
                std::fs::read(&p).unwrap(),
                std::fs::metadata(&p).unwrap().modified().unwrap(),
            )
        })
        .collect();
    let args = ["check", "--no-config", "*.txt", "--against", "plan01.txt"];
    let runs: Vec<Run> = (0..3)
        .map(|i| {
            let mut c = std::process::Command::new(crate::support::BIN);
            c.args(args).current_dir(dir.path()).env("NO_COLOR", "1");
            if i == 2 {
                c.env("RAYON_NUM_THREADS", "1");
            }
            let out = c.output().unwrap();
            Run {
                status: out.status.code().unwrap(),
                stdout: String::from_utf8(out.stdout).unwrap(),
                stderr: String::from_utf8(out.stderr).unwrap(),
            }
        })
        .collect();
    assert_eq!(runs[0].stdout, runs[1].stdout);
    assert_eq!(runs[0].stdout, runs[2].stdout);
    assert!(
        runs[0].stdout.find("plan00.txt").unwrap() < runs[0].stdout.find("plan11.txt").unwrap()
    );
    for (k, (bytes, mtime)) in before.iter().enumerate() {
        let p = dir.path().join(format!("plan{k:02}.txt"));
        assert_eq!(&std::fs::read(&p).unwrap(), bytes);
        assert_eq!(&std::fs::metadata(&p).unwrap().modified().unwrap(), mtime);
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 12, "planlint created files: {names:?}");
}
