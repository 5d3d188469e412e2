//! Inputs: command-line arguments expanded into files (paths, quoted globs, directories, `-`),
//! and each file read into decoded text (plain text in any supported encoding, Markdown, .docx,
//! .xlsx, HTML pages, PDF with a text layer, OFD). The format is chosen by content first (a zip's parts, the OLE signature,
//! markup at the start), by the file name only where the content does not tell.

pub mod docx;
pub mod html;
mod html_table;
pub mod markdown;
pub mod ofd;
mod paged;
pub mod pdf;
pub mod text;
pub mod word_numbering;
pub mod xlsx;

use crate::blocks::Block;
use crate::data::Lexicon;
use crate::source::Format;
use crate::source::{Encoding, SourceFile};
use std::collections::HashSet;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

/// File name endings planlint reads when it walks a directory.
/// (Workbooks and web pages are read when named, not gathered from directories, where
/// planlint's own coverage.html and coverage.xlsx reports are often written.)
pub const PLAN_EXTENSIONS: [&str; 3] = ["txt", "md", "docx"];

/// The default of `--max-size`: far above any real plan (the largest seen are a few MB), and
/// small enough that a runaway input (endless standard input) stops long before memory does.
pub const DEFAULT_MAX_SIZE: u64 = 256 * 1024 * 1024;

/// One argument's worth of inputs: a file to read, or why an argument or an entry under it
/// gave none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expanded {
    File(PathBuf),
    Problem { arg: PathBuf, message: String },
}

/// Expands arguments in order: `-` is standard input; a directory is walked for plan files; an
/// argument with glob characters that names no file is a pattern (so quoted globs work the same
/// on every shell). Each file comes once, at its first mention (links to one file are one
/// file); the files of a directory or pattern are sorted, entries that could not be read among
/// them.
pub fn expand(args: &[OsString]) -> Vec<Expanded> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut push = |out: &mut Vec<Expanded>, found: Found| match found {
        Ok(path) => {
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if seen.insert(key) {
                out.push(Expanded::File(path));
            }
        }
        Err((arg, message)) => out.push(Expanded::Problem { arg, message }),
    };
    for arg in args {
        let path = Path::new(arg);
        let meta = std::fs::metadata(path);
        let pattern = arg.to_str().filter(|a| has_glob_chars(a));
        let (found, none) = match (&meta, pattern) {
            (Ok(m), _) if m.is_dir() => (
                walk(path),
                "the directory holds no .txt, .md or .docx files",
            ),
            (Err(_), Some(p)) => (glob(p), "the pattern matches no files"),
            // A file, standard input, or a name that is not there (reading will tell).
            _ => {
                push(&mut out, Ok(path.to_path_buf()));
                continue;
            }
        };
        if found.is_empty() {
            push(&mut out, Err((path.to_path_buf(), none.to_string())));
        }
        for f in found {
            push(&mut out, f);
        }
    }
    out
}

/// Files that a directory walk leaves although planlint reads them when named (workbooks, PDF,
/// web pages, OFD) or can say why not (old .doc/.wps): per directory argument, the directory and
/// those files, sorted. Said to the user, so a folder of Excel task tables is never taken as
/// checked.
pub fn left_in_directories(args: &[OsString]) -> Vec<(PathBuf, Vec<PathBuf>)> {
    const NAMED_ONLY: [&str; 8] = ["xlsx", "pdf", "html", "htm", "ofd", "doc", "wps", "xls"];
    let mut out = Vec::new();
    for arg in args {
        let dir = Path::new(arg);
        if !dir.is_dir() {
            continue;
        }
        let mut left: Vec<PathBuf> = walker(dir)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().as_encoded_bytes().starts_with(b"."))
            .flatten()
            .filter(|e| !e.file_type().is_dir())
            .map(walkdir::DirEntry::into_path)
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| NAMED_ONLY.contains(&e.to_ascii_lowercase().as_str()))
            })
            .collect();
        if !left.is_empty() {
            left.sort();
            out.push((dir.to_path_buf(), left));
        }
    }
    out
}

/// A file found, or an entry (or argument) that could not be read and why.
type Found = Result<PathBuf, (PathBuf, String)>;

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Sorts found files by their bytes (the order of their names as text, for UTF-8 names).
fn sorted(mut found: Vec<Found>) -> Vec<Found> {
    let key = |f: &Found| -> Vec<u8> {
        let p = match f {
            Ok(p) | Err((p, _)) => p,
        };
        p.as_os_str().as_encoded_bytes().to_vec()
    };
    found.sort_by_cached_key(key);
    found
}

/// A walk that follows links but never around a loop (a link to a directory it is inside is
/// left: everything under it is walked already).
fn walker(root: &Path) -> walkdir::WalkDir {
    walkdir::WalkDir::new(root).follow_links(true)
}

/// What a walk could not read, if it matters: a directory, or an entry with a plan's name (a
/// dangling link). Loops are left out (see [`walker`]).
fn walk_error(e: walkdir::Error) -> Option<(PathBuf, String)> {
    if e.loop_ancestor().is_some() {
        return None;
    }
    let path = e.path()?.to_path_buf();
    let reason = e.io_error().map_or_else(|| e.to_string(), io_reason);
    if path.is_dir() {
        Some((path, format!("cannot read the directory: {reason}")))
    } else if is_plan_file(&path) {
        Some((path, format!("cannot read: {reason}")))
    } else {
        None
    }
}

/// Plan files under a directory, sorted, skipping hidden entries (.git and the like).
fn walk(dir: &Path) -> Vec<Found> {
    let mut found = Vec::new();
    let entries = walker(dir)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().as_encoded_bytes().starts_with(b"."));
    for entry in entries {
        match entry {
            Ok(e) if !e.file_type().is_dir() && is_plan_file(e.path()) => {
                found.push(Ok(e.into_path()))
            }
            Ok(_) => {}
            Err(e) => found.extend(walk_error(e).map(Err)),
        }
    }
    sorted(found)
}

/// Paths matching a glob pattern, as the `glob` crate would give them (`*` stays inside a
/// component, `**` spans directories, hidden names match), but with names that are not UTF-8
/// kept (matched by their lossy text), loops not followed, and unreadable directories reported.
/// A matching directory is walked.
fn glob(arg: &str) -> Vec<Found> {
    let pattern = match glob::Pattern::new(arg) {
        Ok(p) => p,
        Err(e) => {
            return vec![Err((
                PathBuf::from(arg),
                format!("invalid glob pattern: {}", e.msg),
            ))]
        }
    };
    // The walk starts where the pattern's first glob character does.
    let mut base = PathBuf::new();
    let mut rest = Vec::new();
    for c in Path::new(arg).components() {
        let text = c.as_os_str().to_string_lossy();
        if rest.is_empty() && !has_glob_chars(&text) {
            base.push(c);
        } else {
            rest.push(text.into_owned());
        }
    }
    let here = base.as_os_str().is_empty();
    let mut walk_dir = walker(if here { Path::new(".") } else { &base }).min_depth(1);
    if !rest.iter().any(|c| c == "**") {
        walk_dir = walk_dir.max_depth(rest.len());
    }
    let options = glob::MatchOptions {
        require_literal_separator: true,
        ..glob::MatchOptions::new()
    };
    let mut found = Vec::new();
    for entry in walk_dir {
        let e = match entry {
            Ok(e) => e,
            Err(e) => {
                found.extend(walk_error(e).map(Err));
                continue;
            }
        };
        let path = if here {
            e.path().strip_prefix(".").unwrap_or(e.path()).to_path_buf()
        } else {
            e.path().to_path_buf()
        };
        if !pattern.matches_with(&path.to_string_lossy(), options) {
            continue;
        }
        if e.file_type().is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(Ok(path));
        }
    }
    sorted(found)
}

pub fn is_plan_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PLAN_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A size in the units people write it in.
pub fn size_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// Reads `--max-size` and `max-size` values: bytes, or a number with K, M, G (powers of 1,024,
/// also written KiB, MiB, GiB).
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let n: u64 = s[..digits].parse().ok()?;
    let shift = match s[digits..].trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kib" => 10,
        "m" | "mib" => 20,
        "g" | "gib" => 30,
        _ => return None,
    };
    n.checked_mul(1 << shift).filter(|&n| n > 0)
}

fn too_large(what: &str, limit: u64) -> String {
    format!(
        "{what} larger than the size limit of {} (raise it with --max-size or max-size in planlint.toml)",
        size_text(limit)
    )
}

/// Reads at most `limit` bytes of a regular file; anything else (a directory, a named pipe, a
/// device such as /dev/zero, directly or through a link) is refused before it is opened, so
/// reading never waits for a writer or runs without end.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let kind = |m: &std::fs::Metadata| -> Option<&'static str> {
        let t = m.file_type();
        if t.is_file() {
            return None;
        }
        if t.is_dir() {
            return Some("is a directory, not a plan");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return Some("is a named pipe (FIFO), not a regular file");
            }
            if t.is_char_device() || t.is_block_device() {
                return Some("is a device, not a regular file");
            }
            if t.is_socket() {
                return Some("is a socket, not a regular file");
            }
        }
        Some("is not a regular file")
    };
    let cannot = |e: std::io::Error| format!("cannot read: {}", io_reason(&e));
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if let Some(k) = kind(&meta) {
        return Err(k.into());
    }
    let file = std::fs::File::open(path).map_err(cannot)?;
    // The name may have been swapped for something else since it was looked at.
    let meta = file.metadata().map_err(cannot)?;
    if let Some(k) = kind(&meta) {
        return Err(k.into());
    }
    if meta.len() > limit {
        return Err(too_large("the file is", limit));
    }
    read_bounded(file, meta.len(), limit)
        .map_err(cannot)?
        .ok_or_else(|| too_large("the file is", limit))
}

/// Reads up to `limit` bytes; None when there are more. The buffer never grows past the limit.
fn read_bounded(r: impl Read, hint: u64, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let cap = limit.saturating_add(1);
    let mut bytes = Vec::with_capacity(hint.min(cap) as usize);
    let mut r = r.take(cap);
    let mut chunk = vec![0; 1 << 16];
    loop {
        let n = match r.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if bytes.len() + n > bytes.capacity() {
            // Doubling, but never beyond the limit: a huge input costs the limit, not twice it.
            let want = (bytes.capacity() * 2)
                .max(bytes.len() + n)
                .min(cap as usize);
            bytes.reserve_exact(want - bytes.len());
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// A small text file planlint reads for itself (planlint.toml, rule data, a baseline), read
/// like a plan: a regular file, within the default size limit.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = read_file(path, DEFAULT_MAX_SIZE)?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "cannot read: not UTF-8 text (byte offset {} is invalid)",
            e.utf8_error().valid_up_to()
        )
    })
}

/// How a path is shown in messages: as text, with bytes that are not UTF-8 replaced.
pub fn display(path: &Path) -> String {
    if path == Path::new("-") {
        return "-".into();
    }
    path.to_string_lossy().into_owned()
}

/// Reads and decodes one input; `-` is standard input. Word documents are recognised by their
/// zip signature, whatever their name; `max_size` bounds what is read.
pub fn read(path: &Path, enc: Option<Encoding>, max_size: u64) -> Result<SourceFile, String> {
    let stdin = path == Path::new("-");
    let bytes = if stdin {
        read_bounded(std::io::stdin().lock(), 0, max_size)
            .map_err(|e| format!("cannot read standard input: {e}"))?
            .ok_or_else(|| too_large("standard input is", max_size))?
    } else {
        read_file(path, max_size)?
    };
    let name = if stdin {
        "<stdin>".into()
    } else {
        display(path)
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") {
        if xlsx::is_workbook(&bytes) {
            return xlsx::read(&name, &bytes, max_size);
        }
        if ext == "ofd" || ofd::is_ofd(&bytes) {
            return ofd::read(&name, &bytes, max_size);
        }
        return docx::read(&name, &bytes, max_size);
    }
    if bytes.starts_with(docx::OLE_MAGIC) {
        return Err(ole_reason(&bytes, &ext));
    }
    if let Some(reason) = other_format(&bytes) {
        return Err(reason.into());
    }
    if pdf::is_pdf(&bytes) {
        return pdf::read(&name, &bytes, max_size);
    }
    if html::looks_like_html(&bytes) || (enc.is_none() && HTML_EXTENSIONS.contains(&ext.as_str())) {
        return html::read(&name, &bytes, enc, max_size);
    }
    let mut src = SourceFile::from_bytes(name, &bytes, enc).map_err(|e| e.to_string())?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
    {
        src.format = Format::Markdown;
    }
    Ok(src)
}

/// Formats Word and browsers save that planlint does not read, told by their first bytes
/// whatever the file's name (a 另存为 .doc is often one of them): Rich Text Format and the
/// single-file web page (MHTML), with the conversion to make. Their text is ASCII escapes, so
/// read as text they were "not a plan: no Chinese characters".
fn other_format(bytes: &[u8]) -> Option<&'static str> {
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head = &head[start..head.len().min(start + 2048)];
    if head.starts_with(b"{\\rtf") {
        return Some(
            "the file is a Rich Text Format document (.rtf), not a .docx: save it as .docx",
        );
    }
    let lower = head.to_ascii_lowercase();
    let mime = lower.starts_with(b"mime-version:") || lower.starts_with(b"from:");
    if mime && lower.windows(17).any(|w| w == b"multipart/related") {
        return Some("the file is a single-file web page (.mht, .mhtml), not a .docx or .html: save the document as .docx, or the page as .html");
    }
    None
}

/// Names of saved web pages.
const HTML_EXTENSIONS: [&str; 4] = ["html", "htm", "shtml", "xhtml"];

/// Why an OLE compound file (Office 97-2003, or an encrypted Office file) is not read, naming
/// the conversion to make.
fn ole_reason(bytes: &[u8], ext: &str) -> String {
    let stream = |name: &str| {
        let name: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(name.len()).any(|w| w == name.as_slice())
    };
    if stream("EncryptedPackage") {
        if matches!(ext, "xlsx" | "xls") {
            return "the Excel workbook is encrypted (password-protected): planlint cannot read it; save a copy without a password".into();
        }
        return docx::ole_reason(bytes);
    }
    if stream("Workbook") || stream("Book") {
        return "the file is an old binary Excel workbook (Excel 97-2003 .xls), not an .xlsx: save it as .xlsx".into();
    }
    if ext == "wps" {
        return "the file is an old binary WPS 文字 document (.wps), not a .docx: save it as .docx"
            .into();
    }
    docx::ole_reason(bytes)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_and_print_in_powers_of_1024() {
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        assert_eq!(parse_size("512M"), Some(512 << 20));
        assert_eq!(parse_size("2 GiB"), Some(2 << 30));
        assert_eq!(parse_size("64k"), Some(64 << 10));
        for bad in ["", "0", "M", "1.5M", "-1", "1T", "99999999999999999999G"] {
            assert_eq!(parse_size(bad), None, "{bad}");
        }
        assert_eq!(size_text(DEFAULT_MAX_SIZE), "256 MiB");
        assert_eq!(size_text(8 << 20), "8 MiB");
        assert_eq!(size_text(1536), "1536 bytes");
    }

    /// Word's 另存为 RTF and single-file web page, often named .doc (the hostile pass of session
    /// 20: both were "not a plan: no Chinese characters").
    #[test]
    fn rtf_and_mhtml_are_told_with_the_conversion_to_make() {
        let rtf = other_format(b"\xEF\xBB\xBF {\\rtf1\\ansi\\ansicpg936 {\\f0 \\'c4\\'b3}}");
        assert_eq!(
            rtf,
            Some("the file is a Rich Text Format document (.rtf), not a .docx: save it as .docx")
        );
        let mht = other_format(
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"\r\n",
        );
        assert!(mht.is_some_and(|m| m.contains("(.mht, .mhtml)")), "{mht:?}");
        // A plan that opens on those words is read as a plan.
        assert_eq!(
            other_format("From: 县交通运输局\n一、总体要求".as_bytes()),
            None
        );
        assert_eq!(other_format("{rtf}关于方案".as_bytes()), None);
    }
}
