//! `planlint diff PLAN --against DIRECTIVE`: the plan and its directive read with the session's
//! settings, aligned, the reviewer's verdicts applied as `check` applies them, and shown by
//! [`crate::diff`].

use super::outcome::Outcome;
use crate::batch::{applicable_overrides, load_directive};
use crate::cli::{Color, DiffArgs, ParseFormat};
use crate::diff::{json_view, sibling_warning, text_view};
use crate::input::read as read_source;
use crate::session::Common;

pub fn run(args: &DiffArgs) -> Outcome {
    match prepare(args) {
        Ok(o) | Err(o) => o,
    }
}

fn prepare(args: &DiffArgs) -> Result<Outcome, Outcome> {
    let session = super::outcome::session(&Common {
        config: args.config.as_deref(),
        no_config: args.no_config,
        lang: args.lang,
        input: &args.input,
        select: &[],
        ignore: &[],
    })?;
    let (config, data, lang) = (&session.config, &session.data, session.lang());
    let read = |path: &std::path::Path| {
        read_source(path, session.encoding, session.max_size).map_err(|e| {
            super::outcome::file_failure(&crate::input::display(path), &e.to_string(), lang)
        })
    };
    let plan_path = crate::input::display(&args.plan);
    // --against, else the [[directive]] planlint.toml names for this plan (as check reads it).
    let against = match &args.against {
        Some(a) => a.clone(),
        None => config
            .directive_for(&plan_path)
            .map(std::path::Path::to_path_buf)
            .ok_or_else(|| {
                let plan = &plan_path;
                Outcome::error(crate::report::words::say(
                    lang,
                    format!("{plan}: no directive to compare with: name one with --against, or give the plan a [[directive]] in planlint.toml"),
                    format!("{plan}：没有可对照的上级文件：请用 --against 指定，或在 planlint.toml 中为该方案写明 [[directive]]"),
                ))
            })?,
    };
    let plan_src = read(&args.plan)?;
    // Read as check reads it: a directive with nothing to compare is refused, never 100%.
    let d = load_directive(&against, session.encoding, session.max_size, data)
        .map_err(|e| super::outcome::file_failure(&crate::input::display(&against), &e, lang))?;
    if let Some(why) = crate::batch::is_the_directive(&args.plan, &d) {
        return Err(super::outcome::file_failure(&plan_path, &why, lang));
    }
    let plan = crate::reading::parse_document(&plan_src, data);
    let (dir_src, dir) = (&*d.src, &d.doc);
    let a = crate::align::align_with(&plan_src, &plan, &d.index, dir_src, dir, data);
    // The reviewer's verdicts that apply to this plan and this directive, as `check` picks them.
    let overrides: Vec<&crate::config::Override> = applicable_overrides(config, &d, &plan_path)
        .into_iter()
        .map(|k| &config.overrides[k])
        .collect();
    let (a, _) = crate::align::apply_overrides(a, &overrides, &plan_src, &plan, dir_src, dir, data);
    let warnings = sibling_warning(&plan_src, &plan, dir_src, dir, &a, data);
    let stdout = match args.format {
        ParseFormat::Json => json_view(&plan_src, &plan, dir_src, dir, &a, &warnings),
        ParseFormat::Text => {
            let view = text_view(&plan_src, &plan, dir_src, dir, &a, colour(args.color), lang);
            // The sibling warning right under the command line, before any figure.
            let (head, rest) = view.split_at(view.find('\n').map_or(view.len(), |i| i + 1));
            let said: String = warnings.iter().map(|w| format!("⚠ {w}\n")).collect();
            format!("{head}{said}{rest}")
        }
    };
    Ok(Outcome {
        stdout,
        stderr: String::new(),
        status: 0,
    })
}

/// Whether the text view is coloured: `--color always|never`, else anstream's reading of the
/// terminal and the environment (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM, CI).
fn colour(choice: Color) -> bool {
    let c = match choice {
        Color::Always => anstream::ColorChoice::Always,
        Color::Never => anstream::ColorChoice::Never,
        Color::Auto => anstream::AutoStream::choice(&std::io::stdout()),
    };
    c != anstream::ColorChoice::Never
}
