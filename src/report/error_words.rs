//! planlint's own errors (a file it cannot read) in the reader's language. The readers write
//! their errors in English; rules/errors.toml gives each message as the code writes it, with
//! `{slots}` where a value is filled in, and its Chinese. A message is translated where an entry
//! matches it whole, the most specific entry first (the most fixed characters), and each value
//! in a slot is translated again (the reason inside `cannot read: {reason}`). A message no entry
//! matches is shown as written.

use crate::data::Lang;
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::OnceLock;

const ERRORS_TOML: &str = include_str!("../../rules/errors.toml");

/// How deep values inside values are translated: a reason in a reason, no further.
const DEPTH: usize = 3;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    error: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    en: String,
    zh: String,
}

/// One entry split at its slots: `en` alternates fixed text and slot names, starting and
/// ending with fixed text (either may be empty).
struct Pattern {
    fixed: Vec<String>,
    slots: Vec<String>,
    zh: String,
}

impl Pattern {
    fn new(e: &Entry) -> Pattern {
        let (mut fixed, mut slots) = (vec![String::new()], Vec::new());
        let mut rest = e.en.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            fixed.last_mut().unwrap().push_str(&rest[..open]);
            slots.push(rest[open + 1..open + close].to_string());
            fixed.push(String::new());
            rest = &rest[open + close + 1..];
        }
        fixed.last_mut().unwrap().push_str(rest);
        Pattern {
            fixed,
            slots,
            zh: e.zh.clone(),
        }
    }

    /// Characters the pattern fixes: the more, the more specific.
    fn weight(&self) -> usize {
        self.fixed.iter().map(|f| f.chars().count()).sum()
    }

    /// The values in its slots where the pattern matches `msg` whole: each slot takes the
    /// shortest non-empty text before the next fixed text (the last, up to the fixed end).
    fn captures<'m>(&self, msg: &'m str) -> Option<Vec<&'m str>> {
        if self.slots.is_empty() {
            return (msg == self.fixed[0]).then(Vec::new);
        }
        let mut at = msg.strip_prefix(self.fixed[0].as_str())?;
        let mut values = Vec::with_capacity(self.slots.len());
        let last = self.fixed.len() - 1;
        for (i, next) in self.fixed.iter().enumerate().skip(1) {
            let value = if i == last {
                at.strip_suffix(next.as_str())?
            } else if next.is_empty() {
                return None;
            } else {
                let first = at.chars().next()?.len_utf8();
                let end = at[first..].find(next.as_str())? + first;
                let value = &at[..end];
                at = &at[end + next.len()..];
                value
            };
            if value.is_empty() {
                return None;
            }
            values.push(value);
        }
        Some(values)
    }
}

fn patterns() -> &'static [Pattern] {
    static PATTERNS: OnceLock<Vec<Pattern>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let table: Table = toml::from_str(ERRORS_TOML).expect("rules/errors.toml is valid");
        let mut all: Vec<Pattern> = table.error.iter().map(Pattern::new).collect();
        all.sort_by_key(|p| std::cmp::Reverse(p.weight()));
        all
    })
}

/// `msg` for a reader of `lang`: in Chinese where rules/errors.toml knows it, else as written.
pub fn error(msg: &str, lang: Lang) -> Cow<'_, str> {
    match lang {
        Lang::En => Cow::Borrowed(msg),
        Lang::Zh => translate(msg, DEPTH).map_or(Cow::Borrowed(msg), Cow::Owned),
    }
}

fn translate(msg: &str, depth: usize) -> Option<String> {
    if depth == 0 {
        return None;
    }
    patterns().iter().find_map(|p| {
        let values = p.captures(msg)?;
        let mut out = p.zh.clone();
        for (name, value) in p.slots.iter().zip(values) {
            let value = translate(value, depth - 1).unwrap_or_else(|| value.to_string());
            out = out.replace(&format!("{{{name}}}"), &value);
        }
        Some(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh(msg: &str) -> String {
        error(msg, Lang::Zh).into_owned()
    }

    #[test]
    fn every_entry_reads_and_names_the_same_slots_in_both_languages() {
        let table: Table = toml::from_str(ERRORS_TOML).unwrap();
        for e in &table.error {
            let p = Pattern::new(e);
            let mut en: Vec<_> = p.slots.clone();
            let mut zh: Vec<_> = Pattern::new(&Entry {
                en: e.zh.clone(),
                zh: String::new(),
            })
            .slots;
            en.sort();
            zh.sort();
            assert_eq!(en, zh, "{}", e.en);
        }
    }

    /// The TOML reader's account of a value of the wrong kind (`select = 3` in `[rules]`), with
    /// the kinds inside it.
    #[test]
    fn a_value_of_the_wrong_kind_is_said_with_its_kinds() {
        assert_eq!(
            zh("invalid type: integer `3`, expected a sequence"),
            "类型不对：写的是整数 `3`，应为列表（[…]）"
        );
        assert_eq!(
            zh("invalid type: boolean `true`, expected a string"),
            "类型不对：写的是布尔值 `true`，应为字符串"
        );
        assert_eq!(
            zh("unknown variant `warn`, expected one of `error`, `warning`, `info`"),
            "未知的取值 `warn`，可用的取值：`error`, `warning`, `info`"
        );
    }

    #[test]
    fn a_reason_inside_a_message_is_translated_too() {
        assert_eq!(zh("cannot read: no such file"), "无法读取：文件不存在");
        assert_eq!(
            zh("the file is larger than the size limit of 64 MiB (raise it with --max-size or max-size in planlint.toml)"),
            "文件超过大小上限 64 MiB（可用 --max-size 或 planlint.toml 中的 max-size 调高）"
        );
        assert_eq!(
            zh("the Excel workbook holds no text"),
            "Excel 工作簿中没有文字"
        );
    }

    #[test]
    fn the_most_specific_entry_wins() {
        assert_eq!(
            zh("the PDF is broken: it has no pages"),
            "PDF 已损坏：没有页面"
        );
        assert_eq!(
            zh("the PDF is broken: xref table missing"),
            "PDF 已损坏：xref table missing"
        );
        assert_eq!(
            zh("the file is neither UTF-8 (byte 0xA3 at line 1, byte offset 1 is invalid), UTF-16 with a byte-order mark, nor GB18030/GBK text"),
            "文件编码无法识别：不是 UTF-8（第 1 行、第 1 字节的 0xA3 无效），不是带字节顺序标记的 UTF-16，也不是 GB18030/GBK 文本"
        );
    }

    #[test]
    fn a_bilingual_message_keeps_its_chinese_half() {
        let both = "the PDF is encrypted and needs a password to open: planlint cannot read it; save a copy without a password / 该 PDF 已加密，须输入密码才能打开，planlint 无法读取；请另存一份不带密码的副本";
        assert_eq!(
            zh(both),
            "该 PDF 已加密，须输入密码才能打开，planlint 无法读取；请另存一份不带密码的副本"
        );
        assert_eq!(error(both, Lang::En), both);
    }

    #[test]
    fn an_unknown_message_is_shown_as_written() {
        assert_eq!(zh("something new went wrong"), "something new went wrong");
        assert_eq!(zh("cannot read: disk on fire"), "无法读取：disk on fire");
    }
}
