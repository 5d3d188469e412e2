//! The few words the report formats add around findings (the summary line, a Word place, the
//! directive a finding points at), in the run's language. Rule messages are in rules/rules.toml.

use super::Summary;
use crate::data::Lang;
use crate::source::Place;

/// A place in a Word document: `paragraph 12` / `第12段`.
pub fn place(p: &Place, lang: Lang) -> String {
    match (lang, p) {
        (Lang::En, _) => p.to_string(),
        (Lang::Zh, Place::Paragraph { paragraph }) => format!("第{paragraph}段"),
        (Lang::Zh, Place::Cell { table, row, column }) => {
            format!("表{table}第{row}行第{column}列")
        }
    }
}

/// `in Word: table 2, row 3, column 4` / `Word 中位置：表2第3行第4列`.
pub fn in_word(p: &Place, lang: Lang) -> String {
    match lang {
        Lang::En => format!("in Word: {}", place(p, lang)),
        Lang::Zh => format!("Word 中位置：{}", place(p, lang)),
    }
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
            let mut out = format!(
                "共 {} 个问题（错误 {} 个，警告 {} 个，提示 {} 个），涉及 {} 个文件",
                s.findings(),
                s.errors,
                s.warnings,
                s.infos,
                s.files
            );
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
    fn chinese_summary_and_places() {
        let s = Summary {
            files: 2,
            failed_files: 1,
            errors: 1,
            warnings: 2,
            infos: 0,
            suppressed: 3,
            by_rule: Default::default(),
        };
        assert_eq!(
            summary(&s, Lang::Zh),
            "共 3 个问题（错误 1 个，警告 2 个，提示 0 个），涉及 2 个文件；另有 3 个问题已按忽略条目或基线接受；1 个文件无法读取"
        );
        assert_eq!(
            in_word(
                &Place::Cell {
                    table: 2,
                    row: 3,
                    column: 4
                },
                Lang::Zh
            ),
            "Word 中位置：表2第3行第4列"
        );
        assert_eq!(
            in_word(&Place::Paragraph { paragraph: 12 }, Lang::En),
            "in Word: paragraph 12"
        );
        assert_eq!(
            in_word(&Place::Paragraph { paragraph: 12 }, Lang::Zh),
            "Word 中位置：第12段"
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
