//! The few words planlint adds around findings (the summary line, a Word place, the directive a
//! finding points at, severity words, status lines, a rule's documentation as plain text, a
//! drafter's Word comment), in the run's language. Rule messages are in rules/rules.toml.

use super::Summary;
use crate::data::{Lang, Severity};
use crate::finding::Finding;
use crate::source::{Container, Place};

/// One of two texts: English or Chinese.
pub fn say(lang: Lang, en: impl Into<String>, zh: impl Into<String>) -> String {
    match lang {
        Lang::En => en.into(),
        Lang::Zh => zh.into(),
    }
}

/// `error` / `错误`, `warning` / `警告`, `info` / `提示`.
pub fn severity(s: Severity, lang: Lang) -> &'static str {
    match (lang, s) {
        (Lang::En, _) => s.name(),
        (Lang::Zh, Severity::Error) => "错误",
        (Lang::Zh, Severity::Warning) => "警告",
        (Lang::Zh, Severity::Info) => "提示",
    }
}

/// `planlint: wrote 88 findings to planlint-baseline.json` / `已将 88 个问题写入基线文件 …`.
pub fn wrote_baseline(n: usize, path: &str, lang: Lang) -> String {
    say(
        lang,
        format!(
            "planlint: wrote {n} finding{} to {path}\n",
            if n == 1 { "" } else { "s" }
        ),
        format!("planlint: 已将 {n} 个问题写入基线文件 {path}\n"),
    )
}

/// The line after a coverage report is written: its file, its size and its headline rate.
pub fn wrote_report(path: &str, tasks: usize, plans: usize, coverage: &str, lang: Lang) -> String {
    say(
        lang,
        format!(
            "planlint: wrote {path} ({tasks} directive task{} × {plans} plan{}, coverage {coverage})\n",
            if tasks == 1 { "" } else { "s" },
            if plans == 1 { "" } else { "s" },
        ),
        format!(
            "planlint: 已写入 {path}（上级任务 {tasks} 项 × 下级方案 {plans} 个，落实率 {coverage}）\n"
        ),
    )
}

/// The line after an annotated Word copy is written, in Chinese (the English one is the
/// annotator's own).
pub fn wrote_annotated(path: &str, comments: usize) -> String {
    format!("planlint: 已写入 {path}，含批注 {comments} 条\n")
}

/// `unknown rule `x` (see `planlint rules`)`.
pub fn unknown_rule(name: &str, lang: Lang) -> String {
    say(
        lang,
        format!("unknown rule `{name}` (see `planlint rules`)"),
        format!("没有名为“{name}”的规则（规则列表见 planlint rules）"),
    )
}

/// A rule's documentation (Markdown in rules.toml) as plain text for a terminal: headings
/// without `##` (upper case in English, in 【】 in Chinese), code blocks without their fences
/// and indented four spaces, no backticks or `**`.
pub fn plain(markdown: &str, lang: Lang) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str("    ");
            out.push_str(line);
        } else if let Some(h) = line.strip_prefix("## ").or_else(|| line.strip_prefix("# ")) {
            let h = inline(h);
            match lang {
                Lang::En => out.push_str(&h.to_uppercase()),
                Lang::Zh => out.push_str(&format!("【{h}】")),
            }
        } else {
            out.push_str(&inline(line));
        }
        out.push('\n');
    }
    out
}

/// A line of Markdown prose without its inline marks.
fn inline(line: &str) -> String {
    line.replace("**", "").replace('`', "")
}

/// The paragraphs of a drafter's Word comment on a finding: the rule's Chinese title, the
/// finding, and what to change, without the advice about planlint's own configuration
/// (planlint.toml, rules/ data) that a drafter cannot act on.
pub fn drafter_comment(f: &Finding) -> Vec<String> {
    let mut paras = vec![format!("【{}】", rule_title(&f.rule, Lang::Zh))];
    paras.push(f.message.clone());
    if let Some(h) = f.help.as_deref().map(for_drafter).filter(|h| !h.is_empty()) {
        paras.push(h);
    }
    paras
}

/// A help text without its advice about planlint's configuration: clauses are cut at `；`
/// and `; `; one naming planlint.toml, rules/ or a `[[table]]` is left out, except that the
/// first keeps what comes before its alternative (`, or `, `，或`): the change to make.
pub fn for_drafter(help: &str) -> String {
    let about_config = |c: &str| {
        c.contains("planlint.toml")
            || c.contains("rules/")
            || c.contains("[[")
            || c.contains(".toml")
    };
    let (sep, clauses): (&str, Vec<&str>) = if help.contains('；') {
        ("；", help.split('；').collect())
    } else {
        ("; ", help.split("; ").collect())
    };
    clauses
        .into_iter()
        .enumerate()
        .filter_map(|(k, c)| {
            if !about_config(c) {
                return Some(c);
            }
            if k > 0 {
                return None;
            }
            [", or ", "，或"]
                .iter()
                .filter_map(|alt| c.split_once(alt).map(|(before, _)| before))
                .min_by_key(|before| before.len())
                .filter(|before| !before.is_empty() && !about_config(before))
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// A rule's title in `lang` from the built-in catalogue (its name when it has none).
pub fn rule_title(name: &str, lang: Lang) -> String {
    static CATALOGUE: std::sync::OnceLock<crate::data::Catalogue> = std::sync::OnceLock::new();
    let catalogue = CATALOGUE.get_or_init(|| crate::data::RuleData::builtin().catalogue);
    catalogue
        .rule
        .iter()
        .find(|r| r.name == name)
        .map_or_else(|| name.to_string(), |r| r.title(lang).to_string())
}

/// A place in a Word document: `paragraph 12` / `第12段`.
pub fn place(p: &Place, lang: Lang) -> String {
    match (lang, p) {
        (Lang::En, _) => p.to_string(),
        (Lang::Zh, Place::Paragraph { paragraph }) => format!("第{paragraph}段"),
        (Lang::Zh, Place::Cell { table, row, column }) => {
            format!("表{table}第{row}行第{column}列")
        }
        (Lang::Zh, Place::Page { page, line }) => format!("第{page}页第{line}行"),
    }
}

/// Where a place is, named as the document's own program shows it: `in Word: table 2, row 3,
/// column 4` / `Word 中位置：表2第3行第4列`; a workbook's cell as Excel names it (`in the
/// workbook: sheet 2, cell C12` / `工作簿中位置：第2个工作表C12单元格`); a web page's as Word's
/// (`in the page: …` / `网页中位置：…`); a page and line (PDF, OFD).
pub fn located(p: &Place, container: Container, lang: Lang) -> String {
    if let Place::Page { .. } = p {
        return match lang {
            Lang::En => format!("on {}", place(p, lang)),
            Lang::Zh => format!("位置：{}", place(p, lang)),
        };
    }
    match (container, p, lang) {
        (Container::Workbook, Place::Cell { table, row, column }, Lang::En) => format!(
            "in the workbook: sheet {table}, cell {}{row}",
            column_letters(*column)
        ),
        (Container::Workbook, Place::Cell { table, row, column }, Lang::Zh) => format!(
            "工作簿中位置：第{table}个工作表{}{row}单元格",
            column_letters(*column)
        ),
        (Container::WebPage, _, Lang::En) => format!("in the page: {}", place(p, lang)),
        (Container::WebPage, _, Lang::Zh) => format!("网页中位置：{}", place(p, lang)),
        (_, _, Lang::En) => format!("in Word: {}", place(p, lang)),
        (_, _, Lang::Zh) => format!("Word 中位置：{}", place(p, lang)),
    }
}

/// A column as Excel letters it: 1 is A, 26 Z, 27 AA.
fn column_letters(column: usize) -> String {
    let mut n = column;
    let mut out = Vec::new();
    while n > 0 {
        let k = (n - 1) % 26;
        out.push(char::from(b'A' + k as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// `directive` / `上级文件`, and `task` / `任务`, for the line naming a directive task.
pub fn directive_label(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("directive", "task "),
        Lang::Zh => ("上级文件", "任务"),
    }
}

/// `line 12, column 3` / `第12行第3列`.
pub fn line_column(line: usize, column: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("line {line}, column {column}"),
        Lang::Zh => format!("第{line}行第{column}列"),
    }
}

/// `label: text` / `标签：文字`, with the colon of the language.
pub fn labelled(label: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{label}: {text}"),
        Lang::Zh => format!("{label}：{text}"),
    }
}

/// The summary line's counts in `lang`.
pub fn summary(s: &Summary, lang: Lang) -> String {
    match lang {
        Lang::En => s.line(),
        Lang::Zh => {
            let mut out = if s.findings() == 0 {
                format!("未发现问题（共检查 {} 个文件）", s.checked())
            } else {
                let mut out = format!(
                    "共 {} 个问题（错误 {} 个，警告 {} 个，提示 {} 个），涉及 {} 个文件",
                    s.findings(),
                    s.errors,
                    s.warnings,
                    s.infos,
                    s.with_findings
                );
                if s.with_findings < s.checked() {
                    out.push_str(&format!("（共检查 {} 个）", s.checked()));
                }
                out
            };
            if s.suppressed > 0 {
                out.push_str(&format!(
                    "；另有 {} 个问题已按忽略条目或基线接受",
                    s.suppressed
                ));
            }
            if s.failed_files > 0 {
                out.push_str(&format!("；{} 个文件无法读取", s.failed_files));
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafter_help_keeps_what_to_change_and_drops_configuration_advice() {
        let data = crate::data::RuleData::builtin();
        let mut cut = 0;
        for rule in &data.catalogue.rule {
            for (key, m) in &rule.messages {
                if !key.starts_with("help") {
                    continue;
                }
                for lang in [Lang::En, Lang::Zh] {
                    let help = m.text(lang);
                    let kept = for_drafter(help);
                    assert!(!kept.is_empty(), "{} {key}: {help}", rule.name);
                    for bad in ["planlint.toml", "[[", "rules/", ".toml"] {
                        assert!(!kept.contains(bad), "{} {key}: {kept}", rule.name);
                    }
                    cut += usize::from(kept != help);
                }
            }
        }
        // missing-task (both helps), partly-covered, unread-clause and dropped-target's goal,
        // in both languages.
        assert_eq!(cut, 10);
        assert_eq!(
            for_drafter("在本方案中补充该任务，并明确牵头单位和完成时限；如方案已换一种说法落实，可在 planlint.toml 中写明：[[pair]] directive = \"x\""),
            "在本方案中补充该任务，并明确牵头单位和完成时限"
        );
        assert_eq!(
            drafter_comment(&Finding {
                rule: "vague-lead".into(),
                code: "PL102".into(),
                severity: Severity::Warning,
                span: crate::source::Span::new(0, 3),
                message: "牵头单位“有关部门”为泛指".into(),
                help: Some("写明具体单位；新的用语可加入 rules/lexicon.toml".into()),
                related: Vec::new(),
                directive: None,
            }),
            [
                "【牵头单位只有泛指】",
                "牵头单位“有关部门”为泛指",
                "写明具体单位"
            ]
        );
    }

    #[test]
    fn plain_text_of_markdown() {
        let md = "## What it does\nFlags `x` and **y**.\n\n## Example\n```plan\n一、任务\n```\n";
        assert_eq!(
            plain(md, Lang::En),
            "WHAT IT DOES\nFlags x and y.\n\nEXAMPLE\n    一、任务\n"
        );
        assert_eq!(
            plain("## 示例\n```toml\n# c\n```", Lang::Zh),
            "【示例】\n    # c\n"
        );
        assert_eq!(severity(Severity::Info, Lang::Zh), "提示");
        assert_eq!(severity(Severity::Info, Lang::En), "info");
    }

    #[test]
    fn chinese_summary_and_places() {
        let s = Summary {
            files: 3,
            with_findings: 1,
            failed_files: 1,
            errors: 1,
            warnings: 2,
            infos: 0,
            suppressed: 3,
            by_rule: Default::default(),
        };
        assert_eq!(
            summary(&s, Lang::Zh),
            "共 3 个问题（错误 1 个，警告 2 个，提示 0 个），涉及 1 个文件（共检查 2 个）；另有 3 个问题已按忽略条目或基线接受；1 个文件无法读取"
        );
        let cell = Place::Cell {
            table: 2,
            row: 3,
            column: 4,
        };
        assert_eq!(
            located(&cell, Container::Word, Lang::Zh),
            "Word 中位置：表2第3行第4列"
        );
        let para = Place::Paragraph { paragraph: 12 };
        assert_eq!(
            located(&para, Container::Word, Lang::En),
            "in Word: paragraph 12"
        );
        assert_eq!(
            located(&para, Container::Word, Lang::Zh),
            "Word 中位置：第12段"
        );
        // Issue 19: a workbook's cell as Excel names it, a web page's place as the page's.
        assert_eq!(
            located(&cell, Container::Workbook, Lang::En),
            "in the workbook: sheet 2, cell D3"
        );
        let far = Place::Cell {
            table: 1,
            row: 12,
            column: 28,
        };
        assert_eq!(
            located(&far, Container::Workbook, Lang::Zh),
            "工作簿中位置：第1个工作表AB12单元格"
        );
        assert_eq!(
            located(&cell, Container::WebPage, Lang::Zh),
            "网页中位置：表2第3行第4列"
        );
        assert_eq!(
            located(&para, Container::WebPage, Lang::En),
            "in the page: paragraph 12"
        );
        assert_eq!(
            labelled("起点", &line_column(72, 6, Lang::Zh), Lang::Zh),
            "起点：第72行第6列"
        );
        assert_eq!(
            labelled("starts", &line_column(72, 6, Lang::En), Lang::En),
            "starts: line 72, column 6"
        );
        assert_eq!(directive_label(Lang::Zh), ("上级文件", "任务"));
    }
}
