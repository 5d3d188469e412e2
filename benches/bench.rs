//! `cargo bench`: planlint's speed on a synthetic corpus made from the seeds (issue #5).
//!
//! Prints, for the machine it runs on:
//! - parse and parse+check throughput on the seeds' text (MB/s, one core);
//! - parse+check of a 10 MB plan made of the seeds;
//! - alignment time for directive/plan pairs of 100, 1,000 and 10,000 tasks;
//! - a linear-time check: one line holding n and 4n findings (checked, an ignore entry tried on
//!   each, rendered as JSON and for people), with the ratio of the two times;
//! - wall time of the release binary: one plan against its directive (process start
//!   included), and 100 county plans against a directive in one run (all cores), with peak
//!   memory where GNU time is installed; peak memory of 1,000 plans against a directive in
//!   every format beside one plan's.
//!
//! The corpus is written under target/bench-corpus. No external harness: the figures are
//! medians of repeated runs, measured with std::time::Instant.

use planlint::align::align;
use planlint::batch::check_source;
use planlint::config::Config;
use planlint::data::RuleData;
use planlint::parse::parse_document;
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
fn doubled(n: usize, data: &RuleData, set: &RuleSet) -> Duration {
    let text = format!(
        "某县实施方案\n一、任务\n（一）加强监管。{}（县市场监管局负责）\n",
        "检查率率达到".repeat(n)
    );
    timings(3, || {
        let src = SourceFile::new("doubled.txt", text.clone());
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

/// Wall time and, with GNU time, peak resident memory (KiB) of one run.
fn run_binary(bin: &Path, args: &[&str]) -> (Duration, Option<u64>) {
    let gnu_time = Path::new("/usr/bin/time");
    let start = Instant::now();
    if gnu_time.exists() {
        let out = Command::new(gnu_time)
            .args(["-f", "%M"])
            .arg(bin)
            .args(args)
            .output()
            .unwrap();
        let wall = start.elapsed();
        let err = String::from_utf8_lossy(&out.stderr);
        let kib = err.lines().last().and_then(|l| l.trim().parse().ok());
        (wall, kib)
    } else {
        Command::new(bin).args(args).output().unwrap();
        (start.elapsed(), None)
    }
}

/// Median wall time of `runs` runs, and the peak memory of the first.
fn median_wall(bin: &Path, runs: usize, args: &[&str]) -> (Duration, Option<u64>) {
    let all: Vec<(Duration, Option<u64>)> = (0..runs).map(|_| run_binary(bin, args)).collect();
    let mut walls: Vec<Duration> = all.iter().map(|r| r.0).collect();
    walls.sort();
    (walls[walls.len() / 2], all[0].1)
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
    let (one, four) = (doubled(n, &data, &set), doubled(4 * n, &data, &set));
    println!(
        "one paragraph of {n} / {} doubled characters: {:>6.1} / {:.1} ms  (ratio {:.1}; linear 4, quadratic 16)",
        4 * n,
        one.as_secs_f64() * 1e3,
        four.as_secs_f64() * 1e3,
        four.as_secs_f64() / one.as_secs_f64()
    );

    // The release binary on a written corpus.
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
    let (wall, kib) = median_wall(
        &bin,
        21,
        &["check", "--no-config", "-q", &plan, "--against", &directive],
    );
    println!(
        "one plan vs directive, wall:  {:>8.1} ms  (process start included; peak {} KiB)",
        wall.as_secs_f64() * 1e3,
        kib.map_or("?".into(), |k| k.to_string())
    );
    let glob = dir.join("plans/*.txt").display().to_string();
    let (wall, kib) = median_wall(
        &bin,
        5,
        &["check", "--no-config", "-q", &glob, "--against", &directive],
    );
    println!(
        "100 plans vs directive, wall: {:>8.1} ms  (peak {} KiB)",
        wall.as_secs_f64() * 1e3,
        kib.map_or("?".into(), |k| k.to_string())
    );
    // The same run without the directive, and `wc -m` over the same files, measured now, so
    // the ratios hold whatever this machine's speed today.
    let (alone, alone_kib) = median_wall(&bin, 5, &["check", "--no-config", "-q", &glob]);
    let files: Vec<String> = (0..100)
        .map(|k| {
            dir.join(format!("plans/county{k:03}.txt"))
                .display()
                .to_string()
        })
        .collect();
    let wc = median(5, || {
        let out = Command::new("wc")
            .arg("-m")
            .args(&files)
            .env("LC_ALL", "C.UTF-8")
            .output()
            .unwrap();
        assert!(out.status.success());
    });
    println!(
        "100 plans alone, wall:        {:>8.1} ms  (peak {} KiB); with the directive {:.2}×",
        alone.as_secs_f64() * 1e3,
        alone_kib.map_or("?".into(), |k| k.to_string()),
        wall.as_secs_f64() / alone.as_secs_f64()
    );
    println!(
        "wc -m over the same files:    {:>8.1} ms; planlint with the directive {:.2}× wc -m",
        wc.as_secs_f64() * 1e3,
        wall.as_secs_f64() / wc.as_secs_f64()
    );
    // 1,000 plans (links to one county plan) against the directive: memory must not grow
    // with the number of plans, in any format.
    std::fs::create_dir_all(dir.join("many")).unwrap();
    for k in 0..1000 {
        std::fs::hard_link(
            dir.join("plans/county000.txt"),
            dir.join(format!("many/p{k:04}.txt")),
        )
        .unwrap();
    }
    let many = dir.join("many").display().to_string();
    let one = dir.join("many/p0000.txt").display().to_string();
    for format in ["human", "json", "sarif", "github"] {
        let peak = |plans: &str| {
            let args = ["check", "--no-config", "--format", format, plans];
            run_binary(&bin, &[&args[..], &["--against", &directive]].concat())
        };
        let ((_, one_kib), (wall, many_kib)) = (peak(&one), peak(&many));
        println!(
            "1,000 plans vs directive, {format:<6} {:>6.0} ms, peak {} KiB (one plan {} KiB)",
            wall.as_secs_f64() * 1e3,
            many_kib.map_or("?".into(), |k| k.to_string()),
            one_kib.map_or("?".into(), |k| k.to_string())
        );
    }
    let big_path = dir.join("big.txt").display().to_string();
    let (wall, kib) = run_binary(&bin, &["check", "--no-config", "-q", &big_path]);
    println!(
        "10 MB plan, wall:             {:>8.1} ms  (peak {} KiB)",
        wall.as_secs_f64() * 1e3,
        kib.map_or("?".into(), |k| k.to_string())
    );
}
