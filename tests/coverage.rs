//! The reviewer's coverage matrix (`planlint report`) on the seeds: seed 001 is the directive,
//! seed 003 and three rewrites of it are the plans (a task paragraph dropped, a target
//! lowered, a deadline pushed), and planlint.toml names the directive and declares one
//! directive task not applicable to one plan. Every format is read back and compared with the
//! JSON report: the HTML in headless Chromium (DOM and a screenshot), the xlsx with calamine,
//! the CSV with the csv crate.

use crate::support::{chromium, run_in, seed_text};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const PLANS: [&str; 4] = ["003-base", "003-deadline", "003-drop", "003-target"];

/// Seed 003 with `edit` applied to the line starting with `prefix`.
fn rewrite(plan: &str, prefix: &str, edit: impl Fn(&str) -> Option<String>) -> String {
    let mut hit = 0;
    let lines: Vec<String> = plan
        .split('\n')
        .filter_map(|l| {
            if l.starts_with(prefix) {
                hit += 1;
                edit(l)
            } else {
                Some(l.to_string())
            }
        })
        .collect();
    assert_eq!(hit, 1, "one line of seed 003 starts with {prefix}");
    lines.join("\n")
}

/// The reviewer's folder, made once per run.
fn fixture() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("coverage-seeds");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("plans")).unwrap();
        std::fs::write(dir.join("directive.txt"), seed_text("001")).unwrap();
        let plan = seed_text("003");
        let write = |name: &str, text: &str| {
            std::fs::write(dir.join(format!("plans/{name}.txt")), text).unwrap()
        };
        write("003-base", &plan);
        // The paragraph carrying directive task 七、（二） (质量兴农) is gone.
        write("003-drop", &rewrite(&plan, "2.实施质量兴农计划", |_| None));
        // The school canteen target falls from 100% to 85%.
        write(
            "003-target",
            &rewrite(&plan, "2.实施校园食品安全守护行动", |l| {
                assert!(l.contains("达到100%"));
                Some(l.replacen("达到100%", "达到85%", 1))
            }),
        );
        // The food processing task's date moves from 2020 past the directive's 2022.
        write(
            "003-deadline",
            &rewrite(&plan, "1.严把食品加工质量安全关", |l| {
                assert!(l.contains("2020年，实现"));
                Some(l.replacen("2020年，实现", "2023年，实现", 1))
            }),
        );
        std::fs::write(
            dir.join("planlint.toml"),
            r#"[[directive]]
plans = "plans/*.txt"
directive = "directive.txt"

[[not-applicable]]
directive = "建立市、旗区、苏木乡镇“三级”进口冷链食品总仓管控系统"
path = "plans/003-deadline.txt"
reason = "the county has no import cold chain"
"#,
        )
        .unwrap();
        dir
    })
}

/// Runs `planlint report 'plans/*.txt' ARGS…` in the fixture (its planlint.toml names the
/// directive); returns stdout after asserting success.
fn report(args: &[&str]) -> String {
    let mut all = vec!["report", "plans/*.txt"];
    all.extend(args);
    let r = run_in(fixture(), &all, b"");
    assert_eq!(r.status, 0, "{}", r.stderr);
    r.stdout
}

fn json() -> &'static Value {
    static J: OnceLock<Value> = OnceLock::new();
    J.get_or_init(|| serde_json::from_str(&report(&["--format", "json"])).unwrap())
}

/// (section, task number, task id, [(verdict, verdicts)] per plan) for every row.
type Cells = Vec<(String, String, String, Vec<(String, Vec<String>)>)>;

fn json_cells() -> Cells {
    let mut out = Vec::new();
    for s in json()["sections"].as_array().unwrap() {
        for t in s["tasks"].as_array().unwrap() {
            let cells = t["cells"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let vs = c["verdicts"].as_array().unwrap();
                    (
                        c["verdict"].as_str().unwrap().to_string(),
                        vs.iter().map(|v| v.as_str().unwrap().to_string()).collect(),
                    )
                })
                .collect();
            out.push((
                s["name"].as_str().unwrap().to_string(),
                t["number"].as_str().unwrap().to_string(),
                t["id"].as_str().unwrap().to_string(),
                cells,
            ));
        }
    }
    out
}

/// Rows where plan `j`'s verdicts differ from seed 003's: (task number, 003's, plan j's).
fn changes(j: usize) -> Vec<(String, Vec<String>, Vec<String>)> {
    json_cells()
        .into_iter()
        .filter(|r| r.3[j].1 != r.3[0].1)
        .map(|r| (r.1, r.3[0].1.clone(), r.3[j].1.clone()))
        .collect()
}

fn cell<'a>(number: &str, j: usize) -> &'a Value {
    json()["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["tasks"].as_array().unwrap())
        .find(|t| t["number"] == number)
        .map(|t| &t["cells"][j])
        .unwrap_or_else(|| panic!("no directive task {number}"))
}

#[test]
fn each_rewrite_shows_as_its_verdict() {
    let j = json();
    let names: Vec<&str> = j["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, PLANS);
    assert_eq!(j["directive"]["path"], "directive.txt");
    assert_eq!(j["directive"]["tasks"], 64);
    assert!(j["unread"].as_array().unwrap().is_empty());

    // The dropped paragraph: its directive task is missing, nothing else changed.
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        changes(2),
        vec![("七、（二）".to_string(), v(&["covered"]), v(&["missing"]))]
    );
    // The lowered target: one cell gains weaker-target, on the 85%.
    let c = changes(3);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].2[0], "weaker-target");
    let f = &cell(&c[0].0, 3)["findings"][0];
    assert_eq!(f["rule"], "weakened-target");
    assert_eq!(f["text"], "达到85%");
    assert_eq!(f["verdict"], "weaker-target");
    assert!(f["plan_task"]["text"]
        .as_str()
        .unwrap()
        .starts_with("2.实施校园食品安全守护行动"));
    // The pushed deadline, and the reviewer's not-applicable entry for that plan only.
    let c = changes(1);
    assert_eq!(
        c,
        vec![
            (
                "二、（四）".to_string(),
                v(&["covered"]),
                v(&["later-deadline"])
            ),
            (
                "二、（五）2.".to_string(),
                v(&["missing"]),
                v(&["not-applicable"])
            ),
        ]
    );
    let late = &cell("二、（四）", 1)["findings"][0];
    assert_eq!(late["rule"], "later-deadline");
    assert_eq!(
        late["message"],
        "deadline 2023 is later than the directive's 2022 for task 二、（四）"
    );
    assert_eq!(late["plan_task"]["number"], "三、（三）1.");
    let na = cell("二、（五）2.", 1);
    assert_eq!(na["coverage"], "not-applicable");
    assert!(na["reason"]
        .as_str()
        .unwrap()
        .contains("the county has no import cold chain"));
    // A covered cell links to the plan's text for it.
    let covered = cell("二、（四）", 0);
    assert_eq!(covered["plan_tasks"][0]["number"], "三、（三）1.");
    assert!(covered["plan_tasks"][0]["text"]
        .as_str()
        .unwrap()
        .starts_with("1.严把食品加工质量安全关"));
}

#[test]
fn margins_add_up() {
    let j = json();
    let cells = json_cells();
    for (k, p) in j["plans"].as_array().unwrap().iter().enumerate() {
        let cov = &p["coverage"];
        let count = |v: &str| {
            cells
                .iter()
                .filter(|r| r.3[k].1.contains(&v.to_string()))
                .count()
        };
        assert_eq!(cov["total"], 64);
        assert_eq!(cov["missing"], count("missing"));
        assert_eq!(cov["not_applicable"], count("not-applicable"));
        assert_eq!(cov["weaker_target"], count("weaker-target"));
        assert_eq!(cov["later_deadline"], count("later-deadline"));
        let matched = 64 - cov["missing"].as_u64().unwrap();
        assert_eq!(cov["matched"], matched);
        // The headline rate counts covered and not applicable tasks; partly stands apart.
        let carried = cov["covered"].as_u64().unwrap() + cov["not_applicable"].as_u64().unwrap();
        assert_eq!(cov["carried"], carried);
        let share = |n: u64| (1000.0 * n as f64 / 64.0).round() / 10.0;
        assert_eq!(cov["percent"].as_f64().unwrap(), share(carried));
        assert_eq!(
            cov["partly_percent"].as_f64().unwrap(),
            share(cov["partly"].as_u64().unwrap())
        );
        // Per section, in directive order, summing to the plan's figures.
        let secs = p["sections"].as_array().unwrap();
        assert_eq!(secs.len(), j["sections"].as_array().unwrap().len());
        let sum = |key: &str| secs.iter().map(|s| s[key].as_u64().unwrap()).sum::<u64>();
        assert_eq!(sum("total"), 64);
        assert_eq!(sum("matched"), matched);
    }
    // Seed 003 and its rewrites implement 中发〔2019〕17号 as seed 001 does, and cite neither
    // 001's title nor its number: each plan carries the sibling warning, said first.
    for p in j["plans"].as_array().unwrap() {
        let w = p["warnings"].as_array().unwrap();
        assert_eq!(w.len(), 1, "{}", p["path"]);
        assert!(w[0].as_str().unwrap().contains("siblings"), "{}", w[0]);
    }
    // Seed 003 against seed 001: the figures `diff` prints too.
    let c = &j["plans"][0]["coverage"];
    assert_eq!(
        (
            c["matched"].as_u64(),
            c["carried"].as_u64(),
            c["percent"].as_f64(),
            c["partly_percent"].as_f64()
        ),
        (Some(58), Some(51), Some(79.7), Some(10.9))
    );
    let sections: Vec<&str> = j["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(sections.len(), 11);
    assert_eq!(sections[0], "一、建立最严谨的标准");
    assert_eq!(sections[10], "十一、加强组织保障");
}

#[test]
fn html_is_one_self_contained_file_for_a4_landscape() {
    let html = report(&["--format", "html", "--lang", "en"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    // The sibling warning stands in the header, before the matrix.
    let warning = html
        .find("<p class=\"warning\" role=\"alert\">⚠ <b>")
        .unwrap();
    assert!(warning < html.find("<table").unwrap());
    // No network: nothing fetched from anywhere, no scripts or fonts from outside.
    for banned in [
        "://",
        "<script src",
        "<link",
        "@import",
        "url(",
        "@font-face",
    ] {
        assert!(!html.contains(banned), "the HTML holds {banned}");
    }
    for needed in [
        "@page{size:A4 landscape",
        "@media print",
        "display:table-header-group",
        "position:sticky",
        "print-color-adjust:exact",
    ] {
        assert!(html.contains(needed), "the HTML lacks {needed}");
    }
    // The legend names every verdict in words, and every cell says its verdict in words.
    for label in [
        "covered",
        "partly",
        "missing",
        "weaker target",
        "later deadline",
        "not applicable",
    ] {
        assert!(html.contains(&format!(">{label}</span>")), "{label}");
    }
    // The Chinese report says it in Chinese.
    let zh = report(&["--format", "html", "--lang", "zh"]);
    for label in [
        "已体现",
        "部分体现",
        "未体现",
        "目标降低",
        "时限延后",
        "不适用",
    ] {
        assert!(zh.contains(&format!(">{label}</a></td>")), "{label}");
    }
}

/// Runs a command with a time limit (a browser that hangs must not hang the suite).
fn run_limited(cmd: &mut Command, limit: Duration) -> std::process::Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let mut out = out;
        std::io::Read::read_to_end(&mut out, &mut buf).ok();
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{cmd:?} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    std::process::Output {
        status,
        stdout: reader.join().unwrap(),
        stderr: Vec::new(),
    }
}

fn headless(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// The attributes of every `<td class="cell …">` in a serialised DOM, in document order.
fn dom_cells(dom: &str) -> Vec<BTreeMap<String, String>> {
    let mut out = Vec::new();
    for chunk in dom.split("<td ").skip(1) {
        let tag = &chunk[..chunk.find('>').unwrap()];
        let mut attrs = BTreeMap::new();
        let mut rest = tag;
        while let Some(eq) = rest.find("=\"") {
            let name = rest[..eq].trim().to_string();
            let after = &rest[eq + 2..];
            let end = after.find('"').unwrap();
            attrs.insert(name, after[..end].to_string());
            rest = &after[end + 1..];
        }
        if attrs.get("class").is_some_and(|c| c.starts_with("cell ")) {
            out.push(attrs);
        }
    }
    out
}

#[test]
fn html_matrix_in_headless_chromium_matches_the_json() {
    let Some(browser) = chromium() else {
        return crate::support::skip(
            "coverage::html_matrix_in_headless_chromium_matches_the_json",
            "Chromium is not installed and cannot be installed here (apt-get as root)",
        );
    };
    let dir = fixture();
    let html = dir.join("coverage.html");
    let r = run_in(
        dir,
        &[
            "report",
            "plans/*.txt",
            "-o",
            "coverage.html",
            "--lang",
            "zh",
        ],
        b"",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let url = format!("file://{}", html.canonicalize().unwrap().display());
    let profile = tempfile::tempdir().unwrap();

    let out = run_limited(
        headless(browser, profile.path()).args(["--dump-dom", &url]),
        Duration::from_secs(120),
    );
    assert!(out.status.success());
    let dom = String::from_utf8(out.stdout).unwrap();
    assert!(
        dom.contains("class=\"matrix\""),
        "Chromium rendered no matrix"
    );
    let cells = dom_cells(&dom);
    let expected = json_cells();
    assert_eq!(cells.len(), expected.len() * PLANS.len());
    let mut k = 0;
    for (_, number, id, row) in &expected {
        for (j, (verdict, verdicts)) in row.iter().enumerate() {
            let c = &cells[k];
            k += 1;
            assert_eq!(c["data-plan"], j.to_string(), "{number}");
            assert_eq!(&c["data-task"], id, "{number}");
            assert_eq!(&c["data-verdict"], verdict, "{number} plan {j}");
            assert_eq!(c["data-verdicts"], verdicts.join(" "), "{number} plan {j}");
            assert_eq!(c["class"], format!("cell v-{verdict}"));
            // The link goes to the plan's text for that task, in the same file.
            assert!(
                dom.contains(&format!("id=\"c{j}-{id}\"")),
                "{number} plan {j}"
            );
        }
    }
    // The coverage row: one figure per plan, the JSON's.
    for (j, p) in json()["plans"].as_array().unwrap().iter().enumerate() {
        let pct = p["coverage"]["percent"].as_f64().unwrap();
        assert!(
            dom.contains(&format!("data-plan=\"{j}\" data-coverage=\"{pct}\"")),
            "plan {j} coverage {pct}"
        );
    }

    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    let _ = std::fs::remove_file(&shot);
    let out = run_limited(
        headless(browser, profile.path()).args([
            &format!("--screenshot={}", shot.display()),
            "--window-size=1600,1000",
            "--hide-scrollbars",
            &url,
        ]),
        Duration::from_secs(120),
    );
    assert!(out.status.success());
    let (width, height, pixels) = decode_png(&shot);
    assert_eq!((width, height), (1600, 1000));
    let first = pixels[0];
    assert!(
        pixels.iter().any(|p| *p != first),
        "the screenshot is one colour"
    );
    // The verdicts' fills are on screen (covered, partly, missing at the top of the matrix).
    for rgb in [0xC6EFCE, 0xFFF2B3, 0xF8B4B4] {
        let n = pixels.iter().filter(|p| **p == rgb).count();
        assert!(n > 500, "{n} pixels of #{rgb:06X}");
    }
    // `PLANLINT_UPDATE_SCREENSHOT=1 cargo test --release html_matrix` refreshes the README's.
    if std::env::var_os("PLANLINT_UPDATE_SCREENSHOT").is_some() {
        std::fs::create_dir_all("docs").unwrap();
        std::fs::copy(&shot, "docs/report.png").unwrap();
    }
}

/// Width, height and RGB pixels of a PNG.
fn decode_png(path: &Path) -> (u32, u32, Vec<u32>) {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut reader = png::Decoder::new(file).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let n = info.color_type.samples();
    assert!(n >= 3, "{:?}", info.color_type);
    let pixels = buf[..info.buffer_size()]
        .chunks(n)
        .map(|p| u32::from(p[0]) << 16 | u32::from(p[1]) << 8 | u32::from(p[2]))
        .collect();
    (info.width, info.height, pixels)
}

/// The matrix sheet as text cells.
fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn xlsx_reads_back_with_the_json_cells() {
    let dir = fixture();
    let r = run_in(
        dir,
        &[
            "report",
            "plans/*.txt",
            "-o",
            "coverage.xlsx",
            "--lang",
            "en",
        ],
        b"",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let path = dir.join("coverage.xlsx");
    let rows = sheet(&path, "matrix");
    assert_eq!(rows[0][0], "Directive task");
    assert_eq!(&rows[0][1..5], PLANS);
    assert_eq!(rows[0][5], "plans carrying it");
    // A section row, then its tasks, section by section; the coverage row last.
    let j = json();
    let mut k = 1;
    for s in j["sections"].as_array().unwrap() {
        assert_eq!(rows[k][0], s["name"].as_str().unwrap());
        k += 1;
        for t in s["tasks"].as_array().unwrap() {
            let number = t["number"].as_str().unwrap();
            assert!(
                rows[k][0].starts_with(&format!("{number} ")),
                "{}",
                rows[k][0]
            );
            for (c, cell) in t["cells"].as_array().unwrap().iter().enumerate() {
                let words: Vec<String> = cell["verdicts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().replace('-', " "))
                    .collect();
                assert_eq!(rows[k][1 + c], words.join("; "), "{number}");
            }
            assert_eq!(rows[k][5], format!("{}/4", t["carried"]));
            assert_eq!(rows[k][6], t["full_text"].as_str().unwrap());
            k += 1;
        }
    }
    assert_eq!(rows[k][0], "coverage");
    assert_eq!(rows[k][1], "51/64 (79.7%)");
    assert_eq!(rows.len(), k + 1);

    // The second sheet: per plan, then per section, as fractions Excel shows as percent.
    let cov = sheet(&path, "coverage");
    for (p, plan) in j["plans"].as_array().unwrap().iter().enumerate() {
        assert_eq!(cov[1 + p][0], plan["name"].as_str().unwrap());
        let pct: f64 = cov[1 + p][9].parse().unwrap();
        assert!((pct * 100.0 - plan["coverage"]["percent"].as_f64().unwrap()).abs() < 1e-9);
    }

    // Frozen header row and first column, and one fill per verdict, in the workbook's XML.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains(r#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#), "{}", &xml[..600]);
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    for rgb in [
        "FFC6EFCE", "FFFFF2B3", "FFF8B4B4", "FFFFCC99", "FFD9C8F0", "FFE4E4E4",
    ] {
        assert!(styles.contains(rgb), "no fill {rgb}");
    }
}

#[test]
fn csv_has_a_bom_and_the_json_cells() {
    let text = report(&["--format", "csv", "--lang", "en"]);
    assert!(
        text.starts_with('\u{FEFF}'),
        "Excel needs the BOM to read UTF-8"
    );
    let mut rd = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let head: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        head,
        [
            "Section",
            "number",
            "id",
            "line",
            "Directive task",
            "003-base",
            "003-deadline",
            "003-drop",
            "003-target",
            "plans carrying it"
        ]
    );
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    let expected = json_cells();
    assert_eq!(rows.len(), expected.len());
    for (row, (section, number, id, cells)) in rows.iter().zip(&expected) {
        assert_eq!(
            (&row[0], &row[1], &row[2]),
            (section.as_str(), number.as_str(), id.as_str())
        );
        for (j, (_, verdicts)) in cells.iter().enumerate() {
            let words: Vec<String> = verdicts.iter().map(|v| v.replace('-', " ")).collect();
            assert_eq!(&row[5 + j], words.join("; "), "{number}");
        }
    }
}

#[test]
fn report_refuses_what_it_cannot_do_and_reports_what_it_could_not_read() {
    let dir = fixture();
    let r = run_in(dir, &["report", "plans/*.txt", "--format", "xlsx"], b"");
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("name the file with -o"), "{}", r.stderr);

    let before = std::fs::read(dir.join("plans/003-base.txt")).unwrap();
    let r = run_in(
        dir,
        &[
            "report",
            "plans/*.txt",
            "-o",
            "plans/003-base.txt",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("is one of the inputs"), "{}", r.stderr);
    assert_eq!(
        std::fs::read(dir.join("plans/003-base.txt")).unwrap(),
        before
    );

    let r = run_in(dir, &["report", "plans/*.txt", "-o", "coverage.pdf"], b"");
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("cannot tell the report format"),
        "{}",
        r.stderr
    );

    // Without planlint.toml the directive must be named.
    let r = run_in(dir, &["report", "--no-config", "plans/003-base.txt"], b"");
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("no directive to compare with"),
        "{}",
        r.stderr
    );

    // A plan that is not there: the others are reported, the run exits 2.
    let r = run_in(
        dir,
        &[
            "report",
            "plans/003-base.txt",
            "plans/nowhere.txt",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("plans/nowhere.txt: cannot read"),
        "{}",
        r.stderr
    );
    let j: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(j["plans"].as_array().unwrap().len(), 1);
    assert_eq!(j["unread"][0]["path"], "plans/nowhere.txt");

    // CSV and xlsx have no list beside the matrix: the plan keeps a column saying it was not
    // read (before, both showed only the readable plans, at 100% of what was sent).
    let csv = run_in(
        dir,
        &[
            "report",
            "plans/003-base.txt",
            "plans/nowhere.txt",
            "--format",
            "csv",
            "--lang",
            "zh",
        ],
        b"",
    );
    assert_eq!(csv.status, 2);
    let mut rd = csv::Reader::from_reader(csv.stdout.trim_start_matches('\u{FEFF}').as_bytes());
    let head: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(&head[5..], ["003-base", "plans/nowhere.txt", "落实方案数"]);
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 64);
    assert!(rows.iter().all(|r| &r[6] == "无法读取"));
    let r = run_in(
        dir,
        &[
            "report",
            "plans/003-base.txt",
            "plans/nowhere.txt",
            "-o",
            "unread.xlsx",
            "--lang",
            "zh",
        ],
        b"",
    );
    assert_eq!(r.status, 2);
    let rows = sheet(&dir.join("unread.xlsx"), "覆盖矩阵");
    assert_eq!(
        &rows[0][1..4],
        ["003-base", "plans/nowhere.txt", "落实方案数"]
    );
    assert!(rows[1..].iter().all(|r| r[2] == "无法读取"));
    let cov = sheet(&dir.join("unread.xlsx"), "落实率");
    assert_eq!(cov[2][0], "plans/nowhere.txt");
    assert_eq!(cov[2][2], "无法读取：文件不存在");
}
