//! What the reader fuzz targets share: the packages the zip formats' content is wrapped in,
//! and the check of what a reader gives back.

use planlint::data::RuleData;
use planlint::input::{self, DEFAULT_MAX_SIZE};
use planlint::reading::parse_document;
use planlint::source::{Format, SourceFile};
use planlint::testing_support::{xlsx_of, zip_of};
use std::sync::OnceLock;

static DATA: OnceLock<RuleData> = OnceLock::new();

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

fn docx(body: &[u8]) -> Vec<u8> {
    let mut xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {W}><w:body>").into_bytes();
    xml.extend_from_slice(body);
    xml.extend_from_slice(b"</w:body></w:document>");
    zip_of(&[("word/document.xml", &xml)])
}

fn ofd(page: &[u8]) -> Vec<u8> {
    let ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    let root = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD {ns} Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
    let doc = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document {ns}><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID=\"10\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>");
    let mut xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID=\"900\">").into_bytes();
    xml.extend_from_slice(page);
    xml.extend_from_slice(b"</ofd:Layer></ofd:Content></ofd:Page>");
    zip_of(&[
        ("OFD.xml", root.as_bytes()),
        ("Doc_0/Document.xml", doc.as_bytes()),
        ("Doc_0/Pages/Page_0/Content.xml", &xml),
    ])
}

/// The formats, by the first byte of a `readers` seed.
#[derive(Clone, Copy)]
pub enum Reader {
    Word,
    Excel,
    Ofd,
    Pdf,
    Html,
}

/// Reads `bytes` with `reader` and checks what it gives: no panic, and every span of the
/// model and of the reader's blocks on the text's character boundaries.
pub fn read_and_check(reader: Reader, bytes: &[u8]) {
    let data = DATA.get_or_init(RuleData::builtin);
    let read = match reader {
        Reader::Word => input::docx::read("fuzz.docx", &docx(bytes), DEFAULT_MAX_SIZE),
        Reader::Excel => input::xlsx::read("fuzz.xlsx", &xlsx_of(bytes), DEFAULT_MAX_SIZE),
        Reader::Ofd => input::ofd::read("fuzz.ofd", &ofd(bytes), DEFAULT_MAX_SIZE),
        Reader::Pdf => input::pdf::read("fuzz.pdf", bytes, DEFAULT_MAX_SIZE),
        Reader::Html => input::html::read("fuzz.html", bytes, None, DEFAULT_MAX_SIZE),
    };
    let Ok(src): Result<SourceFile, String> = read else {
        return;
    };
    let doc = parse_document(&src, data);
    planlint::testing_support::assert_model_spans(&src, &doc);
    if let Format::Word(blocks) = &src.format {
        for b in blocks {
            let s = b.span();
            assert!(s.start <= s.end && s.end <= src.text.len());
            assert!(src.text.is_char_boundary(s.start) && src.text.is_char_boundary(s.end));
        }
    }
}
