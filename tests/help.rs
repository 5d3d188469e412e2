//! Help and manual (issue 20): `--help` of every subcommand fits 80 columns without cutting a
//! word, every argument and every value has a description, and `planlint man` is one page with
//! every option, exit status, configuration and files, naming no page that does not exist.

use clap::CommandFactory;
use planlint::cli::Cli;

/// Columns of a line on a terminal: CJK characters and full-width punctuation take two.
fn columns(line: &str) -> usize {
    line.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF => 2,
            0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// The built command and each of its subcommands (the top one first), by name.
fn commands() -> Vec<(String, clap::Command)> {
    let mut top = Cli::command();
    top.build();
    let mut all = vec![("planlint".to_string(), top.clone())];
    for sub in top.get_subcommands() {
        all.push((format!("planlint {}", sub.get_name()), sub.clone()));
    }
    all
}

/// The help of `cmd` rendered for a terminal `width` columns wide (long or short).
fn help(cmd: &clap::Command, width: usize, long: bool) -> String {
    let mut cmd = cmd.clone().term_width(width).max_term_width(width);
    if long {
        cmd.render_long_help().to_string()
    } else {
        cmd.render_help().to_string()
    }
}

fn words(text: &str) -> Vec<&str> {
    let mut w: Vec<&str> = text.split_whitespace().collect();
    w.sort_unstable();
    w
}

#[test]
fn help_of_every_subcommand_fits_80_columns_without_cutting_a_word() {
    let all = commands();
    assert!(all.len() >= 10, "{}", all.len());
    for (name, cmd) in &all {
        for long in [false, true] {
            let narrow = help(cmd, 80, long);
            for line in narrow.lines() {
                assert!(
                    columns(line) <= 80,
                    "{name} (long {long}): {} columns: {line}\n{narrow}",
                    columns(line)
                );
            }
            // The same words as on a terminal wide enough for every line: none was cut.
            let wide = help(cmd, 1000, long);
            assert_eq!(words(&narrow), words(&wide), "{name} (long {long})");
        }
    }
    // The case the issue saw: check's --help cut `find\nings`.
    let check = &all.iter().find(|(n, _)| n == "planlint check").unwrap().1;
    let text = help(check, 80, true);
    assert!(!text.contains("find\n"), "{text}");
    assert!(text.lines().any(|l| columns(l) > 70), "{text}");
}

#[test]
fn every_argument_and_every_value_has_a_description() {
    for (name, cmd) in commands() {
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            let described = a.get_help().or(a.get_long_help());
            assert!(
                described.is_some_and(|h| !h.to_string().trim().is_empty()),
                "{name}: {id} has no description"
            );
            // Shells are named by clap_complete, without descriptions of its own.
            if id == "shell" {
                continue;
            }
            for v in a.get_possible_values() {
                assert!(
                    v.get_help().is_some(),
                    "{name} {id}: value {} has no description",
                    v.get_name()
                );
            }
        }
    }
}

#[test]
fn the_manual_is_one_page_with_every_option_exit_status_configuration_and_files() {
    let out = crate::support::planlint().arg("man").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8(out.stdout).unwrap();
    let sections: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .collect();
    assert_eq!(
        sections,
        [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "COMMANDS",
            "\"EXIT STATUS\"",
            "CONFIGURATION",
            "ENVIRONMENT",
            "FILES"
        ]
    );
    // No other page is referred to: there is none.
    assert!(!page.contains("(1)"), "{page}");
    assert!(!page.contains("SEE ALSO"), "{page}");
    // Every option of every subcommand, under that subcommand.
    for (name, cmd) in commands().into_iter().skip(1) {
        let head = format!(".SS \"{name}\"\n");
        let start = page.find(&head).unwrap_or_else(|| panic!("{name}"));
        let rest = &page[start + head.len()..];
        let section = &rest[..rest.find(".SS ").or(rest.find(".SH ")).unwrap()];
        for a in cmd.get_arguments() {
            let shown = match a.get_long() {
                Some(l) => format!("\\fB\\-\\-{}\\fR", l.replace('-', "\\-")),
                None => format!("\\fI{}\\fR", a.get_id().as_str().to_uppercase()),
            };
            assert!(section.contains(&shown), "{name}: {shown}\n{section}");
        }
        for v in cmd
            .get_arguments()
            .filter(|a| a.get_long() == Some("format"))
            .flat_map(|a| a.get_possible_values())
        {
            assert!(
                section.contains(&format!("\\(bu \\fB{}\\fR: ", v.get_name())),
                "{name}: {}",
                v.get_name()
            );
        }
    }
    for exit in ["\\fB0\\fR", "\\fB1\\fR", "\\fB2\\fR"] {
        assert!(page.contains(&format!(".TP\n{exit}\n")), "{exit}");
    }
    for key in [
        "lang",
        "fail\\-on",
        "baseline",
        "max\\-size",
        "[[directive]]",
        "[[ignore]]",
    ] {
        assert!(page.contains(&format!("\\fB{key}\\fR")), "{key}");
    }
}

/// A mistake on the command line under `--lang zh` is said in Chinese on standard error, with
/// exit status 2 and nothing on standard output; under English it is clap's own text.
#[test]
fn a_mistake_on_the_command_line_is_said_in_the_readers_language() {
    let r = crate::support::run(&["check", "--lang", "zh", "--format", "foo", "seeds"]);
    assert_eq!(r.status, 2, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "错误：--format <FORMAT> 的取值“foo”无效\n  可选值：human、concise、json、sarif、github\n\n更多信息请加 --help 查看。\n"
    );
    let r = crate::support::run(&["check", "--format", "foo", "seeds"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr
            .starts_with("error: invalid value 'foo' for '--format <FORMAT>'"),
        "{}",
        r.stderr
    );
}
