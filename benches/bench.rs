//! `cargo bench`: planlint's speed on a synthetic corpus made from the seeds (issue #5).
//!
//! Prints, for the machine it runs on:
//! - parse and parse+check throughput on the seeds' text (MB/s, one core);
//! - parse+check of a 10 MB plan made of the seeds;
//! - alignment time for directive/plan pairs of 100, 1,000 and 10,000 tasks;
//! - a linear-time check: one line holding n and 4n findings (checked, an ignore entry tried on
//!   each, rendered as JSON and for people), with the ratio of the two times;
//! - issue 23's ratios, from the release binary (CPU and peak memory where GNU time is
//!   installed): 100 county plans with `--against` against the same run without it, against
//!   `wc -m` over the same files, and without it against autocorrect's `--lint` (its npm CLI,
//!   installed under target/autocorrect on first use, or why it could not be); one plan against
//!   its directive (median wall, process start included); growth over 1, 10, 100 and 1,000
//!   plans and one 10 MB plan (time per plan and peak memory beside one plan's), and peak
//!   memory of 1,000 plans in the other formats.
//!
//! The corpus is written under target/bench-corpus. No external harness: the figures are
//! medians of repeated runs, measured with std::time::Instant.

use planlint::align::align;
use planlint::batch::check_source;
use planlint::config::Config;
use planlint::data::RuleData;
use planlint::reading::parse_document;
use planlint::report::{self, Checked, FileReport};
use planlint::rules::RuleSet;
use planlint::source::SourceFile;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn seeds() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("seeds")
        .expect("run from the repository root")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

/// Best and median of `runs` timings of `f`. The machines this runs on are shared virtual
/// ones whose speed wanders by a third from second to second: the best run is the steady
/// figure, the median says how much the neighbours took.
fn timings(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .collect();
    t.sort();
    (t[0], t[t.len() / 2])
}

fn median(runs: usize, f: impl FnMut()) -> Duration {
    timings(runs, f).1
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// A county's rewrite of a seed: other place names, shifted numbers, a sentence dropped, so
/// no two plans of the corpus are the same text.
fn county_plan(seed: &str, k: usize) -> String {
    let counties = [
        "平安县",
        "长乐县",
        "永宁县",
        "清河县",
        "东山县",
        "西林县",
        "南川县",
    ];
    let mut s = seed.replace('县', &counties[k % counties.len()][..3]);
    s = s.replace("80%", &format!("{}%", 80 + k % 15));
    s = s.replace("2022年", &format!("{}年", 2021 + k % 3));
    // Drop one sentence in the middle so alignments differ.
    let mid = (s.len() / 2..s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    if let Some(i) = s[mid..].find('。') {
        let at = mid + i + '。'.len_utf8();
        if let Some(j) = s[at..].find('。') {
            s.replace_range(at..at + j + '。'.len_utf8(), "");
        }
    }
    s
}

/// A synthetic plan of `n` tasks made from the seeds' sentences, every one closed by a clause.
fn plan_of(n: usize, sentences: &[&str], shift: usize) -> String {
    let mut out = String::from("某县食品安全工作实施方案\n一、重点任务\n");
    for i in 0..n {
        let a = sentences[(i * 7 + shift) % sentences.len()];
        let b = sentences[(i * 13 + 1) % sentences.len()];
        out.push_str(&format!("{}.{a}。{b}。（县市场监管局负责）\n", i + 1));
    }
    out
}

/// One line of `n` findings (`加强区食品药品监督管理局建设，` × n in a plan dated 2023): checked,
/// an ignore entry that matches none of them tried on each, and rendered as JSON and for
/// people. Best of three.
fn long_line(n: usize, data: &RuleData, set: &RuleSet, config: &Config) -> Duration {
    let text = format!(
        "白府发〔2023〕40号\n一、工作任务\n{}\n",
        "加强区食品药品监督管理局建设，".repeat(n)
    );
    timings(3, || {
        let src = SourceFile::new("long.txt", text.clone());
        let mut findings = check_source(&src, data, set, None);
        assert_eq!(findings.len(), n);
        planlint::suppress::apply_ignores(config, "long.txt", &src, None, &mut findings);
        let reports = [FileReport {
            path: "long.txt".into(),
            config: false,
            outcome: Ok(Checked {
                src,
                findings,
                directive: None,
                suppressed: 0,
                lang: planlint::data::Lang::En,
            }),
        }];
        let style = report::human::Style {
            color: false,
            unicode: true,
            width: 100,
            around: report::human::AROUND,
        };
        for format in [
            report::Format::Json,
            report::Format::Human {
                style,
                quiet: false,
                lang: planlint::data::Lang::En,
            },
        ] {
            std::hint::black_box(report::render(&reports, format, true));
        }
    })
    .0
}

/// A task table whose lead cell is one name of `n` × 委员会 (no separator to split at), then
/// `n` blank lines: the paths that were quadratic in a cell's length (ungluing names, names
/// with one inserted character) and linear in memory per blank line. Best of three.
fn long_cell(n: usize, data: &RuleData, set: &RuleSet) -> Duration {
    let text = format!(
        "某县实施方案\n一、任务\n序号\t任务\t牵头单位\t完成时限\n1\t加强监管。\t{}\t2023年底\n{}",
        "委员会".repeat(n),
        "\n".repeat(n)
    );
    timings(3, || {
        let src = SourceFile::new("cell.txt", text.clone());
        std::hint::black_box(check_source(&src, data, set, None));
    })
    .0
}

/// One paragraph of `n` doubled characters (检查率率达到 × n): the check that a pair opens a
/// phrase elsewhere in the plan reads the text once, not once per doubled character. Best of
/// three.
fn doubled(n: usize, phrase: &str, data: &RuleData, set: &RuleSet) -> Duration {
    let text = format!(
        "某县实施方案\n一、任务\n（一）加强监管。{}（县市场监管局负责）\n（二）开展兽药残留监测。\n",
        phrase.repeat(n)
    );
    timings(3, || {
        let src = SourceFile::new("doubled.txt", text.clone());
        std::hint::black_box(check_source(&src, data, set, None));
    })
    .0
}

/// A regulation's 目录 of `n` chapter lines without page numbers, then the chapters again.
fn contents(n: usize, data: &RuleData, set: &RuleSet) -> Duration {
    let chapters: String = (0..n).map(|i| format!("第{i}章 条目{i}\n")).collect();
    let text = format!("某市某某条例\n目录\n{chapters}{chapters}");
    timings(3, || {
        let src = SourceFile::new("contents.txt", text.clone());
        std::hint::black_box(check_source(&src, data, set, None));
    })
    .0
}

fn binary() -> PathBuf {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet"])
        .status()
        .unwrap();
    assert!(status.success());
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or(PathBuf::from("target"), PathBuf::from);
    target.join("release/planlint")
}

fn main() {
    // `cargo bench` passes --bench; a filter argument is not supported.
    let data = RuleData::builtin();
    let set = RuleSet::new(&data.catalogue, &[], &[]).unwrap();
    let seeds = seeds();
    let total: usize = seeds.iter().map(|(_, t)| t.len()).sum();
    let sources: Vec<SourceFile> = seeds
        .iter()
        .map(|(n, t)| SourceFile::new(n.clone(), t.clone()))
        .collect();
    println!(
        "planlint benchmark ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("seeds: {} files, {:.2} MB", seeds.len(), total as f64 / 1e6);

    for (what, check) in [("parse", false), ("parse+check", true)] {
        let (best, med) = timings(300, || {
            for s in &sources {
                if check {
                    std::hint::black_box(check_source(s, &data, &set, None));
                } else {
                    std::hint::black_box(parse_document(s, &data));
                }
            }
        });
        println!(
            "{:<30}{:>8.1} MB/s  (median {:.1})",
            format!("{what}, seeds:"),
            mb_per_s(total, best),
            mb_per_s(total, med)
        );
    }

    let mut big = String::new();
    while big.len() < 10_000_000 {
        for (_, t) in &seeds {
            big.push_str(t);
            big.push('\n');
        }
    }
    let big_src = SourceFile::new("big.txt", big.clone());
    let t = median(3, || {
        std::hint::black_box(check_source(&big_src, &data, &set, None));
    });
    println!(
        "parse+check, {:.1} MB plan:    {:>8.0} ms  ({:.1} MB/s)",
        big.len() as f64 / 1e6,
        t.as_secs_f64() * 1e3,
        mb_per_s(big.len(), t)
    );

    let sentences: Vec<&str> = seeds
        .iter()
        .flat_map(|(_, t)| t.split(['。', '\n']))
        .map(str::trim)
        // Plain sentences only: no brackets, numbers or tabs that would read as structure.
        .filter(|s| {
            s.chars().count() >= 12
                && s.chars()
                    .all(|c| planlint::source::is_cjk(c) || "，、".contains(c))
        })
        .collect();
    for n in [100, 1_000, 10_000] {
        let d = SourceFile::new("d.txt", plan_of(n, &sentences, 0));
        let p = SourceFile::new("p.txt", plan_of(n, &sentences, 3));
        let (dd, pd) = (parse_document(&d, &data), parse_document(&p, &data));
        assert_eq!((dd.tasks.len(), pd.tasks.len()), (n, n));
        let runs = if n >= 10_000 { 3 } else { 10 };
        let t = median(runs, || {
            std::hint::black_box(align(&p, &pd, &d, &dd, &data));
        });
        println!(
            "align {:>6} × {:>6} tasks:   {:>8.1} ms",
            dd.tasks.len(),
            pd.tasks.len(),
            t.as_secs_f64() * 1e3
        );
    }

    let config = planlint::config::parse(
        "[[ignore]]\nrule = \"obsolete-agency\"\ntext = \"不在文中的片段\"\n",
        "planlint.toml",
        PathBuf::from("."),
        &data.catalogue,
    )
    .unwrap();
    let n = 5_000;
    let (one, four) = (
        long_line(n, &data, &set, &config),
        long_line(4 * n, &data, &set, &config),
    );
    println!(
        "one line, {n} / {} findings: {:>6.0} / {:.0} ms  (ratio {:.1}; linear 4, quadratic 16)",
        4 * n,
        one.as_secs_f64() * 1e3,
        four.as_secs_f64() * 1e3,
        four.as_secs_f64() / one.as_secs_f64()
    );

    let n = 20_000;
    let (one, four) = (long_cell(n, &data, &set), long_cell(4 * n, &data, &set));
    println!(
        "one lead cell of {n} / {} × 委员会: {:>6.1} / {:.1} ms  (ratio {:.1}; linear 4, quadratic 16)",
        4 * n,
        one.as_secs_f64() * 1e3,
        four.as_secs_f64() * 1e3,
        four.as_secs_f64() / one.as_secs_f64()
    );

    let n = 5_000;
    // 率率 is shown by its character; 兽药药残留 by the single spelling written elsewhere.
    for phrase in ["检查率率达到", "整治兽药药残留，"] {
        let (one, four) = (
            doubled(n, phrase, &data, &set),
            doubled(4 * n, phrase, &data, &set),
        );
        println!(
            "one paragraph of {n} / {} × {phrase}: {:>6.1} / {:.1} ms  (ratio {:.1}; linear 4, quadratic 16)",
            4 * n,
            one.as_secs_f64() * 1e3,
            four.as_secs_f64() * 1e3,
            four.as_secs_f64() / one.as_secs_f64()
        );
    }

    let n = 2_000;
    let (one, four) = (contents(n, &data, &set), contents(4 * n, &data, &set));
    println!(
        "a 目录 of {n} / {} chapter lines repeated below: {:>6.1} / {:.1} ms  (ratio {:.1}; linear 4, quadratic 16)",
        4 * n,
        one.as_secs_f64() * 1e3,
        four.as_secs_f64() * 1e3,
        four.as_secs_f64() / one.as_secs_f64()
    );

    // The release binary on a written corpus: issue 23's ratios, measured now on this
    // machine so they hold whatever its speed today.
    let bin = binary();
    let dir = Path::new("target/bench-corpus");
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("plans")).unwrap();
    for k in 0..100 {
        let (_, seed) = &seeds[[3, 2, 4, 0, 1][k % 5]];
        std::fs::write(
            dir.join(format!("plans/county{k:03}.txt")),
            county_plan(seed, k),
        )
        .unwrap();
    }
    std::fs::write(dir.join("big.txt"), &big).unwrap();
    let directive = seeds[1].0.clone();
    let plan = seeds[3].0.clone();
    let files: Vec<String> = (0..100)
        .map(|k| {
            dir.join(format!("plans/county{k:03}.txt"))
                .display()
                .to_string()
        })
        .collect();
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    println!(
        "\nissue 23 (CPU = user + system of the process, from GNU time; medians of alternating runs)"
    );
    println!(
        "corpus: 100 county plans, {:.1} MB; directive {directive}",
        bytes as f64 / 1e6
    );
    let glob = dir.join("plans/*.txt").display().to_string();
    let with: Vec<&str> = vec![
        "check",
        "--no-config",
        "--format",
        "json",
        &glob,
        "--against",
        &directive,
    ];
    let alone: Vec<&str> = vec!["check", "--no-config", "--format", "json", &glob];
    let wc_args: Vec<&str> = std::iter::once("-m")
        .chain(files.iter().map(String::as_str))
        .collect();
    // autocorrect skips what .gitignore names (target/ here): it reads a copy of the files
    // outside the repository, by relative names.
    let autocorrect = autocorrect();
    let ac_dir = std::env::temp_dir().join(format!("planlint-bench-{}", std::process::id()));
    std::fs::create_dir_all(&ac_dir).unwrap();
    let names: Vec<String> = (0..100).map(|k| format!("county{k:03}.txt")).collect();
    for (f, n) in files.iter().zip(&names) {
        std::fs::copy(f, ac_dir.join(n)).unwrap();
    }
    let ac_args: Vec<&str> = ["--lint", "--format", "json"]
        .into_iter()
        .chain(names.iter().map(String::as_str))
        .collect();
    let (mut w, mut a, mut c, mut ac) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        w.push(measure(&bin, &with));
        a.push(measure(&bin, &alone));
        c.push(measure(Path::new("wc"), &wc_args));
        if let Ok(ac_bin) = &autocorrect {
            ac.push(measure_in(ac_bin, &ac_args, &ac_dir));
        }
    }
    let (w, a, c) = (Run::median(&w), Run::median(&a), Run::median(&c));
    let ratio = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) if y > 0.0 => format!("{:.2}×", x / y),
        _ => "?".into(),
    };
    println!("100 plans with the directive:    {w}");
    println!("100 plans without:               {a}");
    println!("wc -m over the same files:       {c}");
    println!(
        "with / without:   CPU {}  wall {}   (budget ≤ 1.3×)",
        ratio(w.cpu, a.cpu),
        ratio(Some(w.wall), Some(a.wall))
    );
    println!(
        "with / wc -m:     CPU {}  wall {}   (budget ≤ 3×)",
        ratio(w.cpu, c.cpu),
        ratio(Some(w.wall), Some(c.wall))
    );
    match &autocorrect {
        Ok(_) => {
            let ac = Run::median(&ac);
            println!("autocorrect --lint, same files:  {ac}");
            println!(
                "without / autocorrect: CPU {}  wall {}   (budget ≤ 0.25×)",
                ratio(a.cpu, ac.cpu),
                ratio(Some(a.wall), Some(ac.wall))
            );
        }
        Err(why) => println!("autocorrect: not run ({why})"),
    }
    let _ = std::fs::remove_dir_all(&ac_dir);

    let one: Vec<Run> = (0..21)
        .map(|_| {
            measure(
                &bin,
                &["check", "--no-config", "-q", &plan, "--against", &directive],
            )
        })
        .collect();
    println!(
        "one plan vs its directive:       {}   (budget ≤ 10 ms median wall, process start included)",
        Run::median(&one)
    );

    // Growth: 1, 10, 100 and 1,000 plans (links to the county plans) and one 10 MB plan,
    // all against the directive: time per plan should stay flat, peak memory near one plan's.
    std::fs::create_dir_all(dir.join("many")).unwrap();
    for k in 0..1000 {
        std::fs::hard_link(
            dir.join(format!("plans/county{:03}.txt", k % 100)),
            dir.join(format!("many/p{k:04}.txt")),
        )
        .unwrap();
    }
    let mut first: Option<Run> = None;
    for n in [1usize, 10, 100, 1000] {
        let paths: Vec<String> = (0..n)
            .map(|k| dir.join(format!("many/p{k:04}.txt")).display().to_string())
            .collect();
        let mut args: Vec<&str> = vec!["check", "--no-config", "--format", "json"];
        args.extend(paths.iter().map(String::as_str));
        args.extend(["--against", directive.as_str()]);
        let runs = if n >= 1000 { 1 } else { 3 };
        let r = Run::median(&(0..runs).map(|_| measure(&bin, &args)).collect::<Vec<_>>());
        let base = *first.get_or_insert(r);
        println!(
            "{n:>5} plans vs directive: {r}; per plan {:.1} ms CPU; peak {} one plan's",
            r.cpu.unwrap_or(r.wall) * 1e3 / n as f64,
            ratio(r.peak.map(|k| k as f64), base.peak.map(|k| k as f64)),
        );
    }
    let big_path = dir.join("big.txt").display().to_string();
    let r = measure(
        &bin,
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            &big_path,
            "--against",
            &directive,
        ],
    );
    println!(
        "one {:.1} MB plan vs directive: {r}; {:.1} MB/s CPU",
        big.len() as f64 / 1e6,
        big.len() as f64 / 1e6 / r.cpu.unwrap_or(r.wall)
    );
    // Memory must not grow with the number of plans in the other formats either.
    let many = dir.join("many").display().to_string();
    for format in ["human", "sarif", "github"] {
        let r = measure(
            &bin,
            &[
                "check",
                "--no-config",
                "--format",
                format,
                &many,
                "--against",
                &directive,
            ],
        );
        println!("1,000 plans vs directive, {format:<6} {r}");
    }
}

/// One run of a program: wall seconds, and with GNU time its CPU seconds and peak memory.
#[derive(Clone, Copy)]
struct Run {
    wall: f64,
    cpu: Option<f64>,
    peak: Option<u64>,
}

impl Run {
    /// The median of each figure on its own.
    fn median(runs: &[Run]) -> Run {
        let mid = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let cpu: Vec<f64> = runs.iter().filter_map(|r| r.cpu).collect();
        let peak: Vec<f64> = runs
            .iter()
            .filter_map(|r| r.peak.map(|p| p as f64))
            .collect();
        Run {
            wall: mid(runs.iter().map(|r| r.wall).collect()),
            cpu: (!cpu.is_empty()).then(|| mid(cpu)),
            peak: (!peak.is_empty()).then(|| mid(peak) as u64),
        }
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "wall {:>8.1} ms", self.wall * 1e3)?;
        match self.cpu {
            Some(c) => write!(f, ", CPU {:>8.1} ms", c * 1e3)?,
            None => write!(f, ", CPU ?")?,
        }
        match self.peak {
            Some(k) => write!(f, ", peak {k} KiB"),
            None => write!(f, ", peak ?"),
        }
    }
}

/// Runs `program args` with its output thrown away, through GNU time where installed.
fn measure(program: &Path, args: &[&str]) -> Run {
    measure_in(program, args, Path::new("."))
}

/// [`measure`] in the directory `dir`.
fn measure_in(program: &Path, args: &[&str], dir: &Path) -> Run {
    let gnu_time = Path::new("/usr/bin/time");
    // A relative program path is the repository's, wherever the run is.
    let program = &if program.is_relative() && program.components().count() > 1 {
        std::env::current_dir().unwrap().join(program)
    } else {
        program.to_path_buf()
    };
    let start = Instant::now();
    if gnu_time.exists() {
        let out = Command::new(gnu_time)
            .args(["-f", "%U %S %M"])
            .arg(program)
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .current_dir(dir)
            .stdout(std::process::Stdio::null())
            .output()
            .unwrap();
        let wall = start.elapsed().as_secs_f64();
        let err = String::from_utf8_lossy(&out.stderr);
        let v: Vec<f64> = err
            .lines()
            .last()
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        match v[..] {
            [u, s, m] => Run {
                wall,
                cpu: Some(u + s),
                peak: Some(m as u64),
            },
            _ => Run {
                wall,
                cpu: None,
                peak: None,
            },
        }
    } else {
        Command::new(program)
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .current_dir(dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        Run {
            wall: start.elapsed().as_secs_f64(),
            cpu: None,
            peak: None,
        }
    }
}

/// autocorrect's command line (`autocorrect-node` from npm, the Rust engine built for Node),
/// installed under target/autocorrect on first use; why not, when it cannot be.
fn autocorrect() -> Result<PathBuf, String> {
    let bin = PathBuf::from("target/autocorrect/node_modules/.bin/autocorrect");
    if !bin.exists() {
        let out = Command::new("npm")
            .args([
                "install",
                "--prefix",
                "target/autocorrect",
                "--no-audit",
                "--no-fund",
                "autocorrect-node",
            ])
            .output()
            .map_err(|e| format!("npm not found: {e}"))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(format!(
                "npm install autocorrect-node failed: {}",
                err.lines().last().unwrap_or("").trim()
            ));
        }
    }
    let ok = Command::new(&bin)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        Ok(bin)
    } else {
        Err(format!("{} does not run", bin.display()))
    }
}
