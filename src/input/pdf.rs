//! PDF with a text layer: the characters of every page with their positions (pdf-extract, on
//! lopdf), rebuilt into paragraphs by [`super::paged`]. A PDF without a text layer (scanned
//! pages) and one that needs a password are refused with what to do; one protected only by an
//! owner password (printing or copying restricted, opened by anyone) is read. Reading is
//! bounded: the file by the size limit, the streams it unpacks to by [`XML_PER_TEXT`] times
//! that (checked before the PDF is parsed), the text by the limit; a PDF the parser cannot
//! read, or panics on, is an error for that file.

use super::docx::{Text, XML_PER_TEXT};
use super::paged::{Page, Piece};
use crate::source::{Container, Encoding, SourceFile};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::cell::Cell;
use std::io::Read;

const ENCRYPTED: &str = "the PDF is encrypted and needs a password to open: planlint cannot read it; save a copy without a password / 该 PDF 已加密，须输入密码才能打开，planlint 无法读取；请另存一份不带密码的副本";

const SCANNED: &str = "the PDF has no text layer (scanned pages, images of text): planlint reads text, not pictures; run OCR on it first, or use the Word or text version / 该 PDF 没有文字层（扫描件，页面是图片）：planlint 只能读取文字，请先进行 OCR 文字识别，或改用 Word、文本版本";

/// A file that starts as a PDF does (`%PDF-` within its first kilobyte, as readers allow).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Reads a PDF's text layer into paragraphs.
pub fn read(name: &str, bytes: &[u8], max_size: u64) -> Result<SourceFile, String> {
    check_streams(bytes, max_size)?;
    let pages = catch(|| pages_of(bytes))?;
    let mut text = Text::default();
    super::paged::write(&pages, &mut text, "PDF", max_size)?;
    if text.out.trim().is_empty() {
        return Err(SCANNED.into());
    }
    text.into_source(name, Encoding::Utf8, "PDF", Container::Paged)
}

/// The characters of every page (positions from the top left, in points).
fn pages_of(bytes: &[u8]) -> Result<Vec<Page>, String> {
    let doc = pdf_extract::Document::load_mem(bytes).map_err(|e| match e {
        pdf_extract::Error::InvalidPassword | pdf_extract::Error::Decryption(_) => {
            ENCRYPTED.to_string()
        }
        e => format!("the PDF is broken: {e}"),
    })?;
    if doc.is_encrypted() {
        return Err(ENCRYPTED.into());
    }
    if doc.get_pages().is_empty() {
        return Err("the PDF is broken: it has no pages".into());
    }
    let mut dev = Collector::default();
    pdf_extract::output_doc(&doc, &mut dev).map_err(|e| format!("the PDF is broken: {e}"))?;
    Ok(dev.pages)
}

/// Collects each character as a piece of its page.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    top: f64,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages.push(Page::default());
        self.top = media_box.ury;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        if let Some(page) = self.pages.last_mut() {
            page.pieces.push(Piece {
                x: trm.m31,
                y: self.top - trm.m32,
                size,
                width: width * size,
                text: char.to_string(),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

thread_local! {
    /// This thread is reading a PDF: a panic of the parser is an error for the file, not a
    /// message on standard error.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic of the PDF parser into an error for the file.
fn catch<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    r.unwrap_or_else(|_| Err("the PDF is broken: its structure could not be read".into()))
}

/// Refuses a PDF whose compressed streams unpack to more than [`XML_PER_TEXT`] times the size
/// limit in all (a zip bomb in PDF form), before any of it is parsed: every `stream` … is
/// inflated into nothing, counting, and stopped at the bound.
fn check_streams(bytes: &[u8], max_size: u64) -> Result<(), String> {
    let limit = max_size.saturating_mul(XML_PER_TEXT);
    let mut left = limit;
    let mut at = 0;
    while let Some(k) = find(&bytes[at..], b"stream") {
        let mut start = at + k + b"stream".len();
        at = start;
        if bytes[..start - 6].ends_with(b"end") {
            continue;
        }
        match bytes.get(start..start + 2) {
            Some(b"\r\n") => start += 2,
            Some([b'\n', _]) | Some([b'\r', _]) => start += 1,
            _ => continue,
        }
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        let mut inflate = flate2::read::ZlibDecoder::new(&bytes[start..end]);
        let mut buf = [0u8; 1 << 14];
        loop {
            match inflate.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if n as u64 > left {
                        return Err(format!(
                            "the PDF unpacks to more than {} ({XML_PER_TEXT} times the size limit; raise it with --max-size or max-size in planlint.toml)",
                            super::size_text(limit)
                        ));
                    }
                    left -= n as u64;
                }
            }
        }
        at = end;
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
