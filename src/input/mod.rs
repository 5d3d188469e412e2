//! Inputs: command-line arguments expanded into files (paths, quoted globs, directories, `-`),
//! and each file read into decoded text (plain text in any supported encoding, or .docx).

pub mod docx;
pub mod markdown;
pub mod text;

use crate::blocks::Block;
use crate::data::Lexicon;
use crate::source::Format;

use crate::source::{Encoding, SourceFile};
use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

/// File name endings planlint reads when it walks a directory.
pub const PLAN_EXTENSIONS: [&str; 3] = ["txt", "md", "docx"];

/// One argument's worth of inputs: a file to read, or why the argument gave none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expanded {
    File(String),
    Problem { arg: String, message: String },
}

/// Expands arguments in order: `-` is standard input; a directory is walked for plan files; an
/// argument with glob characters that names no file is a pattern (so quoted globs work the same
/// on every shell). Each file comes once, at its first mention; pattern matches are sorted.
pub fn expand(args: &[String]) -> Vec<Expanded> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut push = |out: &mut Vec<Expanded>, path: String| {
        if seen.insert(path.clone()) {
            out.push(Expanded::File(path));
        }
    };
    for arg in args {
        let path = Path::new(arg);
        if arg == "-" || path.is_file() || !has_glob_chars(arg) && !path.is_dir() {
            push(&mut out, arg.clone());
        } else if path.is_dir() {
            let files = walk(path);
            if files.is_empty() {
                out.push(problem(
                    arg,
                    "the directory holds no .txt, .md or .docx files",
                ));
            }
            for f in files {
                push(&mut out, f);
            }
        } else {
            match glob::glob(arg) {
                Err(e) => out.push(problem(arg, &format!("invalid glob pattern: {}", e.msg))),
                Ok(paths) => {
                    let mut files: Vec<String> = paths
                        .flatten()
                        .flat_map(|p| {
                            if p.is_dir() {
                                walk(&p)
                            } else {
                                vec![p.to_string_lossy().into_owned()]
                            }
                        })
                        .collect();
                    files.sort();
                    if files.is_empty() {
                        out.push(problem(arg, "the pattern matches no files"));
                    }
                    for f in files {
                        push(&mut out, f);
                    }
                }
            }
        }
    }
    out
}

fn problem(arg: &str, message: &str) -> Expanded {
    Expanded::Problem {
        arg: arg.to_string(),
        message: message.to_string(),
    }
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Plan files under a directory, sorted, skipping hidden entries (.git and the like).
fn walk(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if is_plan_file(&p) {
                files.push(p.to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    files
}

pub fn is_plan_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PLAN_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads and decodes one input; `-` is standard input. Word documents are recognised by their
/// zip signature, whatever their name.
pub fn read(path: &str, enc: Option<Encoding>) -> Result<SourceFile, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        b
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err("is a directory, not a plan".into());
        }
        std::fs::read(p).map_err(|e| format!("cannot read: {}", io_reason(&e)))?
    };
    let name = if path == "-" { "<stdin>" } else { path };
    if bytes.starts_with(b"PK\x03\x04") {
        return docx::read(name, &bytes);
    }
    let mut src = SourceFile::from_bytes(name, &bytes, enc).map_err(|e| e.to_string())?;
    if Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
    {
        src.format = Format::Markdown;
    }
    Ok(src)
}

/// The blocks of a source, by the reader of its format (plain text that reads as Markdown,
/// such as a PDF converted to Markdown, is read as Markdown).
pub fn blocks(src: &SourceFile, lex: &Lexicon) -> Vec<Block> {
    match &src.format {
        Format::Word(blocks) => blocks.clone(),
        Format::Markdown => markdown::read(&src.text, lex),
        Format::Text if markdown::looks_like_markdown(&src.text) => markdown::read(&src.text, lex),
        Format::Text => text::read(&src.text, lex),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory, not a plan".into(),
        _ => e.to_string(),
    }
}
