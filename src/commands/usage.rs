//! Mistakes on the command line (an unknown option, a value not allowed, a file not named) in
//! the reader's language. clap writes them in English; a reader of Chinese gets them in Chinese,
//! said from clap's own account of the mistake (its kind, the argument, the value and the
//! suggestions it names), with the usage line clap prints. A kind of mistake not listed here is
//! shown as clap writes it: nothing is dropped. Help and version requests are not mistakes and
//! print as clap prints them.

use crate::data::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;

/// The language of a run whose arguments could not be read: `--lang` if it was given, else the
/// locale (planlint.toml is not read: which file to read is itself an argument).
pub fn language(args: &[OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let given = args
        .iter()
        .enumerate()
        .find_map(|(k, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(k + 1).map(String::as_str),
            Some(v) => v.strip_prefix('='),
            None => None,
        });
    given.and_then(Lang::parse).unwrap_or_else(Lang::from_env)
}

/// The mistake as a reader of `lang` reads it, ending with a newline; `None` where clap's own
/// text is to be shown (English, a request for help or the version, a kind not listed).
pub fn message(e: &clap::Error, lang: Lang) -> Option<String> {
    if lang != Lang::Zh {
        return None;
    }
    let one = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let many = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let quoted = |v: Vec<String>| {
        v.iter()
            .map(|s| format!("“{s}”"))
            .collect::<Vec<_>>()
            .join("、")
    };
    let arg = one(ContextKind::InvalidArg).unwrap_or_default();
    let mut out = match e.kind() {
        ErrorKind::UnknownArgument => {
            let mut m = format!("错误：无法识别的参数“{arg}”\n");
            if let Some(s) = one(ContextKind::SuggestedArg) {
                m.push_str(&format!("\n  提示：相近的参数为“{s}”\n"));
            }
            m
        }
        ErrorKind::InvalidSubcommand => {
            let sub = one(ContextKind::InvalidSubcommand).unwrap_or_default();
            let mut m = format!("错误：无法识别的子命令“{sub}”\n");
            let near = many(ContextKind::SuggestedSubcommand);
            if !near.is_empty() {
                m.push_str(&format!("\n  提示：相近的子命令为{}\n", quoted(near)));
            }
            m
        }
        ErrorKind::InvalidValue => {
            let value = one(ContextKind::InvalidValue).unwrap_or_default();
            let mut m = if value.is_empty() {
                format!("错误：{arg} 需要一个取值\n")
            } else {
                format!("错误：{arg} 的取值“{value}”无效\n")
            };
            let valid = many(ContextKind::ValidValue);
            if !valid.is_empty() {
                m.push_str(&format!("  可选值：{}\n", valid.join("、")));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => {
            format!(
                "错误：缺少必需的参数：{}\n",
                many(ContextKind::InvalidArg).join("、")
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = many(ContextKind::PriorArg).join("、");
            format!("错误：参数 {arg} 不能与 {prior} 同时使用\n")
        }
        ErrorKind::NoEquals => format!("错误：{arg} 的取值须用“=”写在参数后\n"),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("错误：{arg} 的取值个数不对\n")
        }
        ErrorKind::MissingSubcommand => "错误：缺少子命令\n".to_string(),
        _ => return None,
    };
    if let Some(usage) = one(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").map_or(usage, str::trim);
        out.push_str(&format!("\n用法：{usage}\n"));
    }
    out.push_str("\n更多信息请加 --help 查看。\n");
    Some(out)
}

#[cfg(test)]
mod tests {
    use crate::cli::Cli;
    use crate::commands::usage::{language, message};
    use crate::data::Lang;
    use clap::Parser;
    use std::ffi::OsString;

    fn zh(args: &[&str]) -> String {
        let e = Cli::try_parse_from(args).expect_err("a mistake");
        message(&e, Lang::Zh).expect("said in Chinese")
    }

    #[test]
    fn mistakes_are_said_in_chinese_with_the_usage_line() {
        assert_eq!(
            zh(&["planlint", "check", "--format", "foo", "plan.txt"]),
            "错误：--format <FORMAT> 的取值“foo”无效\n  可选值：human、concise、json、sarif、github\n\n更多信息请加 --help 查看。\n"
        );
        assert_eq!(
            zh(&["planlint", "chek", "plan.txt"]),
            "错误：无法识别的子命令“chek”\n\n  提示：相近的子命令为“check”\n\n用法：planlint <COMMAND>\n\n更多信息请加 --help 查看。\n"
        );
        assert_eq!(
            zh(&["planlint", "check"]),
            "错误：缺少必需的参数：<FILES>...\n\n用法：planlint check <FILES>...\n\n更多信息请加 --help 查看。\n"
        );
    }

    #[test]
    fn english_and_requests_for_help_are_clap_s_own() {
        let e = Cli::try_parse_from(["planlint", "check", "--bogus"]).expect_err("a mistake");
        assert_eq!(message(&e, Lang::En), None);
        let e = Cli::try_parse_from(["planlint", "--help"]).expect_err("help");
        assert_eq!(message(&e, Lang::Zh), None);
    }

    #[test]
    fn the_language_is_the_lang_argument_before_the_locale() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            language(&args(&["planlint", "check", "--lang", "zh", "--bogus"])),
            Lang::Zh
        );
        assert_eq!(
            language(&args(&["planlint", "check", "--lang=zh"])),
            Lang::Zh
        );
        assert_eq!(
            language(&args(&["planlint", "check", "--lang", "en"])),
            Lang::En
        );
    }
}
