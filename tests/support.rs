//! Helpers for tests that run the planlint binary on copies of the seeds.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

pub const BIN: &str = env!("CARGO_BIN_EXE_planlint");

/// The path of the seed whose name starts with `prefix` ("003").
pub fn seed(prefix: &str) -> PathBuf {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    paths.sort();
    paths.remove(0)
}

pub fn seed_text(prefix: &str) -> String {
    std::fs::read_to_string(seed(prefix)).unwrap()
}

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", self.stdout, self.stderr))
    }
}

/// planlint in the English the tests expect, whatever the machine's locale: the language of
/// messages follows LC_ALL, LC_MESSAGES and LANG.
/// Every run of planlint in the tests is capped (issue 21): 4 GB of address space and 120 s of
/// CPU, set by the shell that then becomes planlint (`exec`, same process id). A hostile input
/// that makes planlint quadratic or greedy fails its test instead of hanging CI or the machine.
pub const MEMORY_CAP_KB: u64 = 4 * 1024 * 1024;
pub const CPU_CAP_SECONDS: u64 = 120;

/// `program` under the caps above.
pub fn capped(program: &str) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_CAP_KB} && ulimit -t {CPU_CAP_SECONDS} && exec \"$0\" \"$@\""
        ))
        .arg(program);
    c
}

pub fn planlint() -> Command {
    let mut c = capped(BIN);
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

/// Runs planlint with `args` in `dir`, feeding `stdin`.
pub fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = planlint()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("planlint runs");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs planlint in the crate root, without any planlint.toml.
pub fn run(args: &[&str]) -> Run {
    let mut all = vec![args[0], "--no-config"];
    all.extend(&args[1..]);
    run_in(Path::new("."), &all, b"")
}

/// Checks `files` in `dir` in one run (no config) and returns the JSON report, after asserting
/// that every file's findings sit at the same (rule, line, column) as the first file's, and
/// that there are `count` of them: copies of one plan in other encodings or line ends.
pub fn same_places(dir: &Path, files: &[&str], count: usize) -> serde_json::Value {
    let mut args = vec!["check", "--no-config", "--format", "json"];
    args.extend(files);
    let j = run_in(dir, &args, b"").json();
    assert_eq!(places(&j, 0).len(), count);
    for (k, file) in files.iter().enumerate().skip(1) {
        assert_eq!(places(&j, 0), places(&j, k), "{file}");
    }
    j
}

/// (rule, line, column) of every finding of the first file of a JSON report.
pub fn places(report: &serde_json::Value, file: usize) -> Vec<(String, u64, u64)> {
    report["files"][file]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// A Python virtual environment under target/ with pre-commit and jsonschema from PyPI, made
/// once per test run; why not where Python is absent or PyPI cannot be reached.
pub fn python_env() -> Result<&'static Path, String> {
    static ENV: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    ENV.get_or_init(|| {
        venv(
            "test-venv",
            &["pre-commit==4.*", "jsonschema==4.*"],
            &["pre-commit", "jsonschema-ok"],
            &[],
        )
    })
    .as_deref()
    .map_err(Clone::clone)
}

/// A virtual environment `name` under target/ with `packages` from PyPI, made once (the files
/// `marks` in its bin/ say it is complete; the last is written when it is); pip and the PyPI
/// probe run with `env` added. Err(why) where Python is absent or PyPI cannot be
/// reached; a failed install with PyPI reachable is a test failure.
fn venv(
    name: &str,
    packages: &[&str],
    marks: &[&str],
    env: &[(&str, &str)],
) -> Result<PathBuf, String> {
    let python = ["python3", "python"]
        .into_iter()
        .find(|p| {
            Command::new(p)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .ok_or("Python 3 is not installed")?;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let bin = dir.join("bin");
    if marks.iter().all(|b| bin.join(b).exists()) {
        return Ok(dir);
    }
    let ok = Command::new(python)
        .args(["-m", "venv"])
        .arg(&dir)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        return Err(format!(
            "`{python} -m venv` failed (is python3-venv installed?)"
        ));
    }
    let ok = Command::new(bin.join("pip"))
        .args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--timeout",
            "20",
        ])
        .args(packages)
        .envs(env.iter().copied())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        // Unreachable PyPI (an offline machine, a proxy) is a reason to skip; an install that
        // fails with PyPI reachable is a failure.
        let reachable = Command::new(bin.join("python"))
            .args([
                "-c",
                "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/pip/', timeout=10)",
            ])
            .envs(env.iter().copied())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            !reachable,
            "pip install {packages:?} failed with PyPI reachable"
        );
        return Err(format!(
            "PyPI cannot be reached, so {} cannot be installed",
            packages.join(" and ")
        ));
    }
    if let Some(last) = marks.last() {
        std::fs::write(bin.join(last), "").unwrap();
    }
    Ok(dir)
}

/// Reports a test skipped for want of something outside planlint: one line now, on the real
/// standard error (not the test's captured output), and every skipped test named in one line
/// after the suite's result, so that a run that checked less says so.
pub fn skip(test: &str, why: &str) {
    static SKIPPED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    static AT_EXIT: std::sync::Once = std::sync::Once::new();
    extern "C" fn report() {
        let list = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
        if !list.is_empty() {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {} test{}: {}",
                list.len(),
                if list.len() == 1 { "" } else { "s" },
                list.join("; ")
            );
        }
    }
    extern "C" {
        fn atexit(f: extern "C" fn()) -> std::ffi::c_int;
    }
    // SAFETY: atexit is the C library's; `report` is a plain function that lives as long as the
    // process and only reads a static.
    AT_EXIT.call_once(|| unsafe {
        atexit(report);
    });
    let line = format!("{test} ({why})");
    let _ = writeln!(std::io::stderr(), "SKIPPED: {line}");
    SKIPPED.lock().unwrap_or_else(|e| e.into_inner()).push(line);
}

/// Whether this process runs as root (so a missing tool may be installed with apt-get).
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Debian's headless-capable Chromium, installed with apt-get (with a CJK font, so a
/// screenshot shows the Chinese text) when missing and this runs as root; None where it cannot
/// be had. Installed once per machine, looked up once per test run.
pub fn chromium() -> Option<&'static Path> {
    static BIN: OnceLock<Option<PathBuf>> = OnceLock::new();
    BIN.get_or_init(|| {
        let find = || {
            ["chromium", "chromium-browser"]
                .into_iter()
                .find_map(|name| {
                    let out = Command::new("sh")
                        .args(["-c", &format!("command -v {name}")])
                        .output()
                        .ok()?;
                    let p = String::from_utf8_lossy(&out.stdout).trim().to_string();
                    (out.status.success() && !p.is_empty()).then(|| PathBuf::from(p))
                })
        };
        if let Some(p) = find() {
            return Some(p);
        }
        if !is_root() || Command::new("apt-get").arg("--version").output().is_err() {
            return None;
        }
        let install = || {
            Command::new("apt-get")
                .args(["install", "-y", "-q", "chromium", "fonts-wqy-microhei"])
                .env("DEBIAN_FRONTEND", "noninteractive")
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if !install() {
            let _ = Command::new("apt-get")
                .args(["update", "-q"])
                .stdout(Stdio::null())
                .status();
            install();
        }
        find()
    })
    .as_deref()
}

/// A Python virtual environment under target/ with python-docx 1.2+ (it reads comments), made
/// once; why not where Python is absent or PyPI cannot be reached.
pub fn python_docx() -> Result<&'static Path, String> {
    static ENV: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    ENV.get_or_init(|| {
        venv(
            "docx-venv",
            &["python-docx>=1.2,<2"],
            &["python-docx-ok"],
            &[],
        )
    })
    .as_deref()
    .map_err(Clone::clone)
}

/// Issue 20: without PyPI (here: pip and the probe sent to a closed port through a proxy) the
/// Python environment is a reason to skip, not a failure.
#[test]
fn an_unreachable_pypi_is_a_reason_to_skip_not_a_failure() {
    let closed = "http://127.0.0.1:9";
    let index = format!("{closed}/simple/");
    let env = [
        ("PIP_INDEX_URL", index.as_str()),
        ("PIP_RETRIES", "0"),
        ("HTTPS_PROXY", closed),
        ("https_proxy", closed),
        ("HTTP_PROXY", closed),
        ("http_proxy", closed),
    ];
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("offline-venv");
    let _ = std::fs::remove_dir_all(&dir);
    match venv(
        "offline-venv",
        &["python-docx>=1.2,<2"],
        &["offline-ok"],
        &env,
    ) {
        Err(why) if why == "Python 3 is not installed" => skip(
            "support::an_unreachable_pypi_is_a_reason_to_skip_not_a_failure",
            &why,
        ),
        other => assert_eq!(
            other,
            Err("PyPI cannot be reached, so python-docx>=1.2,<2 cannot be installed".to_string())
        ),
    }
}

/// A .docx holding only word/document.xml with `body` (Word's namespace prefix `w:`).
pub fn docx(body: &str) -> Vec<u8> {
    planlint::testing_support::docx_of(body)
}
