//! Issue 19: paged formats. Seed 001 laid out on A4 pages as a word processor prints it (a
//! 16-point font, 27 characters a line, paragraphs indented by two, a running header and a page
//! number on every page), written as a PDF with a text layer and as an OFD package, reads as its
//! text does: the same tasks, leads, partners and deadlines. Scanned, encrypted, truncated and
//! bombed files are refused in one line, bounded, and the other files of the run reported.

use crate::bad_inputs::{bounded, reported_beside_good};
use crate::shapes::{findings, parse, seen, Seen};
use crate::support::{run_in, seed, seed_text};
use planlint::data::RuleData;
use planlint::model::{Document, Origin};
use planlint::reading::parse_document;
use planlint::source::SourceFile;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

/// A line on a page: x and y of its baseline from the bottom left, its text, and the space
/// added after each character but the last (a justified line), in points.
type Placed = (f64, f64, String, f64);

const SIZE: f64 = 16.0;
const LEFT: f64 = 80.0;
const PER_LINE: usize = 27;
const LINES_PER_PAGE: usize = 22;
const HEADER: &str = "鄂尔多斯市人民政府文件";

/// Seed 001's paragraphs laid out on pages: each paragraph indented by two characters and
/// wrapped at 27, a running header on top and `- N -` at the foot of every page.
fn laid_out(text: &str) -> Vec<Vec<Placed>> {
    let mut lines: Vec<(f64, String, f64)> = Vec::new();
    for para in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let chars: Vec<char> = para.chars().collect();
        let mut at = 0;
        let mut indent = 2;
        while at < chars.len() {
            let mut n = (PER_LINE - indent).min(chars.len() - at);
            // A word processor breaks no Latin word or number.
            while n > 1
                && at + n < chars.len()
                && chars[at + n - 1].is_ascii_alphanumeric()
                && chars[at + n].is_ascii_alphanumeric()
            {
                n -= 1;
            }
            // A line ended early is justified to the margin.
            let room = PER_LINE - indent;
            let spacing = if n < room && at + n < chars.len() {
                (room - n) as f64 * SIZE / (n - 1) as f64
            } else {
                0.0
            };
            lines.push((
                LEFT + indent as f64 * SIZE,
                chars[at..at + n].iter().collect(),
                spacing,
            ));
            at += n;
            indent = 0;
        }
    }
    lines
        .chunks(LINES_PER_PAGE)
        .enumerate()
        .map(|(k, chunk)| {
            let mut page = vec![(LEFT + 8.0 * SIZE, 790.0, HEADER.to_string(), 0.0)];
            for (i, (x, l, spacing)) in chunk.iter().enumerate() {
                page.push((*x, 740.0 - 28.0 * i as f64, l.clone(), *spacing));
            }
            page.push((LEFT + 12.0 * SIZE, 50.0, format!("- {} -", k + 1), 0.0));
            page
        })
        .collect()
}

/// Hex of a text as the font's codes (its characters' code points, two bytes each).
fn codes(text: &str) -> String {
    text.chars().map(|c| format!("{:04X}", c as u32)).collect()
}

/// A PDF of `pages` in one Type0 font with Identity-H codes (each character's code point) and a
/// ToUnicode map, every glyph one em wide: the text layer a word processor's export has.
/// `encrypt` adds a standard security handler whose user password is not empty.
fn pdf(pages: &[Vec<Placed>], encrypt: bool) -> Vec<u8> {
    let chars: BTreeSet<char> = pages
        .iter()
        .flatten()
        .flat_map(|(_, _, t, _)| t.chars())
        .collect();
    let chars: Vec<char> = chars.into_iter().collect();
    let mut cmap = String::from("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    for chunk in chars.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for c in chunk {
            let u = format!("{:04X}", *c as u32);
            cmap.push_str(&format!("<{u}> <{u}>\n"));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    let stream = |body: &str| {
        format!(
            "<< /Length {} >>\nstream\n{body}\nendstream",
            body.len() + 1
        )
    };
    let first_page = 7;
    let kids: Vec<String> = (0..pages.len())
        .map(|k| format!("{} 0 R", first_page + 2 * k))
        .collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()),
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>".to_string(),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 >>".to_string(),
        "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>".to_string(),
        stream(&cmap),
    ];
    for (k, page) in pages.iter().enumerate() {
        let mut content = String::new();
        for (x, y, t, spacing) in page {
            content.push_str(&format!(
                "BT /F1 {SIZE} Tf {spacing:.3} Tc 1 0 0 1 {x} {y} Tm <{}> Tj ET\n",
                codes(t)
            ));
        }
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            first_page + 2 * k + 1
        ));
        objects.push(stream(&content));
    }
    if encrypt {
        objects.push(format!(
            "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -4 >>",
            "7A".repeat(32),
            "5C".repeat(32)
        ));
    }
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (k, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", k + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    let encryption = if encrypt {
        format!(
            " /Encrypt {} 0 R /ID [<{}> <{}>]",
            objects.len(),
            "01".repeat(16),
            "01".repeat(16)
        )
    } else {
        String::new()
    };
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R{encryption} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Millimetres of the OFD page per point of the PDF one.
const MM: f64 = 25.4 / 72.0;

/// An OFD package of `pages`: OFD.xml, Doc_0/Document.xml, a Content.xml per page with a text
/// object per line (a `TextCode` with its advances), positions in millimetres from the top left.
fn ofd(pages: &[Vec<Placed>]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opt = zip::write::SimpleFileOptions::default();
    let ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    z.start_file("OFD.xml", opt).unwrap();
    write!(z, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD {ns} Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>").unwrap();
    z.start_file("Doc_0/Document.xml", opt).unwrap();
    let list: String = (0..pages.len())
        .map(|k| {
            format!(
                "<ofd:Page ID=\"{}\" BaseLoc=\"Pages/Page_{k}/Content.xml\"/>",
                k + 10
            )
        })
        .collect();
    write!(z, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document {ns}><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{list}</ofd:Pages></ofd:Document>").unwrap();
    let size = SIZE * MM;
    for (k, page) in pages.iter().enumerate() {
        z.start_file(format!("Doc_0/Pages/Page_{k}/Content.xml"), opt)
            .unwrap();
        let mut objects = String::new();
        for (i, (x, y, t, spacing)) in page.iter().enumerate() {
            let n = t.chars().count();
            let escaped = t.replace('&', "&amp;").replace('<', "&lt;");
            objects.push_str(&format!(
                "<ofd:TextObject ID=\"{}\" Boundary=\"{:.3} {:.3} {:.3} {:.3}\" Font=\"3\" Size=\"{size:.3}\"><ofd:FillColor Value=\"0 0 0\"/><ofd:TextCode X=\"0\" Y=\"{size:.3}\" DeltaX=\"g {} {:.3}\">{escaped}</ofd:TextCode></ofd:TextObject>",
                1000 * k + i,
                x * MM,
                (842.0 - y) * MM - size,
                n as f64 * size,
                size * 1.2,
                n.saturating_sub(1),
                size + spacing * MM
            ));
        }
        write!(z, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID=\"{}\">{objects}</ofd:Layer></ofd:Content></ofd:Page>", 900 + k).unwrap();
    }
    z.finish().unwrap().into_inner()
}

fn read(path: &Path) -> Result<(SourceFile, Document), String> {
    let src = planlint::input::read(path, None, 1 << 30)?;
    let doc = parse_document(&src, &RuleData::builtin());
    Ok((src, doc))
}

fn all_tasks(src: &SourceFile, doc: &Document) -> Vec<Seen> {
    let mut v = seen(src, doc, Origin::Body);
    v.extend(seen(src, doc, Origin::Table));
    v
}

/// The seed's paragraphs, one a line, as the paged readers should give them back.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn a_pdf_and_an_ofd_of_seed_001_read_as_its_text() {
    let text = seed_text("001");
    let (tsrc, tdoc) = parse("001.txt", &text);
    let expected = all_tasks(&tsrc, &tdoc);
    assert_eq!(expected.len(), 64);
    let pages = laid_out(&text);
    assert_eq!(pages.len(), 30);
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("plan.pdf");
    std::fs::write(&pdf_path, pdf(&pages, false)).unwrap();
    let ofd_path = dir.path().join("plan.ofd");
    std::fs::write(&ofd_path, ofd(&pages)).unwrap();
    for path in [&pdf_path, &ofd_path] {
        let (src, doc) = read(path).unwrap();
        // Every paragraph whole, no header, no page number. (Spaces inside a line are gaps
        // on the page, not characters: the words are compared without them. The last line,
        // 鄂尔多斯市人民政府办公室 and 16 spaces before the date, wraps, and its date starts
        // indented on the next line, a paragraph of its own.)
        let squash = |s: &str| -> Vec<String> {
            s.lines()
                .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect())
                .collect()
        };
        let mut want = squash(&paragraphs(&text));
        let last = want.pop().unwrap();
        assert_eq!(last, "鄂尔多斯市人民政府办公室2022年2月23日印发");
        want.push("鄂尔多斯市人民政府办公室".into());
        want.push("2022年2月23日印发".into());
        let got = squash(&src.text);
        let differ = got.iter().zip(&want).position(|(a, b)| a != b);
        assert_eq!(
            differ.map(|k| (&got[k], &want[k])),
            None,
            "{}",
            path.display()
        );
        assert_eq!(got.len(), want.len(), "{}", path.display());
        let got = all_tasks(&src, &doc);
        assert_eq!(got.len(), expected.len());
        for (a, b) in expected.iter().zip(&got) {
            assert_eq!(a, b);
        }
        let first = &doc.tasks[0];
        assert_eq!(
            first
                .leads
                .iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>(),
            ["市卫生健康委员会", "各旗区人民政府"]
        );
        // Where the task starts on the printed page (line 1 is the running header).
        let place = src.place_at(first.span.start).unwrap();
        assert_eq!(place.to_string(), "page 1, line 23", "{}", path.display());
    }
    // The binary names the page and line, and reads by content whatever the name.
    std::fs::copy(&pdf_path, dir.path().join("plan.bin")).unwrap();
    let r = run_in(dir.path(), &["check", "--no-config", "plan.bin"], b"");
    assert_eq!(r.status, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("on page "), "{}", r.stdout);
}

#[test]
fn scanned_encrypted_truncated_and_bombed_paged_files_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(seed("001"), d.join("good.txt")).unwrap();
    let pages = laid_out(&seed_text("001"));
    let whole = pdf(&pages, false);
    // Scanned: pages that draw but write nothing.
    let scanned: Vec<Vec<Placed>> = vec![Vec::new(), Vec::new()];
    std::fs::write(d.join("scanned.pdf"), pdf(&scanned, false)).unwrap();
    std::fs::write(d.join("secret.pdf"), pdf(&pages, true)).unwrap();
    std::fs::write(d.join("cut.pdf"), &whole[..whole.len() / 2]).unwrap();
    // A stream that inflates to 64 MiB from a few hundred kilobytes.
    let mut bomb = whole.clone();
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(&vec![b' '; 64 << 20]).unwrap();
    let deflated = enc.finish().unwrap();
    let at = bomb.len() - 6;
    let mut obj = format!(
        "99 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
        deflated.len()
    )
    .into_bytes();
    obj.extend_from_slice(&deflated);
    obj.extend_from_slice(b"\nendstream\nendobj\n");
    bomb.splice(at..at, obj);
    std::fs::write(d.join("bomb.pdf"), &bomb).unwrap();
    let r = bounded(
        d,
        &[
            "check",
            "--no-config",
            "--max-size",
            "4M",
            "scanned.pdf",
            "secret.pdf",
            "bomb.pdf",
            "good.txt",
        ],
        None,
    );
    reported_beside_good(
        &r,
        &[
            "error: scanned.pdf: the PDF has no text layer (scanned pages, images of text): planlint reads text, not pictures; run OCR on it first, or use the Word or text version / 该 PDF 没有文字层（扫描件，页面是图片）：planlint 只能读取文字，请先进行 OCR 文字识别，或改用 Word、文本版本",
            "error: secret.pdf: the PDF is encrypted and needs a password to open: planlint cannot read it; save a copy without a password / 该 PDF 已加密，须输入密码才能打开，planlint 无法读取；请另存一份不带密码的副本",
            "error: bomb.pdf: the PDF unpacks to more than 32 MiB (8 times the size limit; raise it with --max-size or max-size in planlint.toml)",
        ],
        4,
    );
    let r = bounded(d, &["check", "--no-config", "cut.pdf", "good.txt"], None);
    assert_eq!(r.status, 2, "{}{}", r.stdout, r.stderr);
    let line = r.stdout.lines().find(|l| l.contains("cut.pdf")).unwrap();
    assert!(
        line.starts_with("error: cut.pdf: the PDF is broken"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("good.txt:"), "{}", r.stdout);
    // OFD: cut short, a page that unpacks past the bound, a page that is not XML.
    let package = ofd(&pages);
    std::fs::write(d.join("cut.ofd"), &package[..package.len() / 2]).unwrap();
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opt = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("OFD.xml", opt).unwrap();
    write!(z, "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>").unwrap();
    z.start_file("Doc_0/Document.xml", opt).unwrap();
    write!(z, "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/><ofd:Page ID=\"2\" BaseLoc=\"Pages/Page_1/Content.xml\"/></ofd:Pages></ofd:Document>").unwrap();
    z.start_file("Doc_0/Pages/Page_0/Content.xml", opt).unwrap();
    z.write_all(&vec![b' '; 64 << 20]).unwrap();
    z.start_file("Doc_0/Pages/Page_1/Content.xml", opt).unwrap();
    z.write_all(b"<ofd:Page><ofd:Content><ofd:Layer><ofd:TextObject Size=\"5\">")
        .unwrap();
    let bombed = z.finish().unwrap().into_inner();
    std::fs::write(d.join("bomb.ofd"), &bombed).unwrap();
    let r = bounded(
        d,
        &[
            "check",
            "--no-config",
            "--max-size",
            "4M",
            "bomb.ofd",
            "cut.ofd",
            "good.txt",
        ],
        None,
    );
    assert_eq!(r.status, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("error: bomb.ofd: the OFD file unpacks to more than 32 MiB (8 times the size limit; raise it with --max-size or max-size in planlint.toml)\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("error: cut.ofd: the OFD file is broken: "),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("good.txt:"), "{}", r.stdout);
    // Past the bound, the second page is read: it is cut short inside its text object.
    let r = bounded(
        d,
        &["check", "--no-config", "--max-size", "16M", "bomb.ofd"],
        None,
    );
    assert_eq!(r.status, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("error: bomb.ofd: the OFD file is broken: "),
        "{}",
        r.stdout
    );
}

/// A task's number, leads, partners and deadline.
type Owners = (String, Vec<String>, Vec<String>, Option<String>);

#[test]
fn a_real_published_pdf_reads_as_its_judged_text() {
    // corpus-formats/README.md: the Hainan farm machinery subsidy plan as published in PDF, and
    // the text made from its .doc in corpus-judged.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let name = "h01-province-agriculture-hainan-farm-machinery-subsidy-plan";
    let (psrc, pdoc) = read(&root.join(format!("corpus-formats/{name}.pdf"))).unwrap();
    let text = std::fs::read_to_string(root.join(format!("corpus-judged/{name}.txt"))).unwrap();
    let (tsrc, tdoc) = parse("h01.txt", &text);
    assert_eq!(psrc.text.lines().count(), 221);
    assert_eq!(tsrc.text.lines().count(), 221);
    assert_eq!(pdoc.tasks.len(), 49);
    // The same tasks, leads, partners and deadlines. (The task texts are not compared: 12
    // punctuation marks of the text, 、，。 at places such as 省委、省政府, are not in the
    // PDF's text layer as read; see corpus-formats/README.md.)
    let owners = |src: &SourceFile, doc: &Document| -> Vec<Owners> {
        all_tasks(src, doc)
            .into_iter()
            .map(|(number, _, leads, partners, deadline)| (number, leads, partners, deadline))
            .collect()
    };
    assert_eq!(owners(&psrc, &pdoc), owners(&tsrc, &tdoc));
    // The same lines, so the text's labels hold for the PDF.
    let lines = |src: &SourceFile, doc: &Document| -> Vec<usize> {
        doc.tasks
            .iter()
            .map(|t| src.line_col(t.span.start).line)
            .collect()
    };
    assert_eq!(lines(&psrc, &pdoc), lines(&tsrc, &tdoc));
    assert_eq!(
        psrc.place_at(pdoc.tasks[0].span.start).unwrap().to_string(),
        "page 1, line 25"
    );
}

/// corpus-formats/README.md: two saved 政府信息公开 pages. 安化县's measures (a GBK page, each
/// measure closed by （责任单位：…）) read as the text made from the page; 广州市卫生健康委's
/// family-doctor plan (UTF-8, its 附件2 task table with rowspans and a <br/> in 附件1) reads the
/// 39 rows of the task table with the leads and partners of the text in corpus-judged.
#[test]
fn real_saved_web_pages_read_as_their_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let owners = |src: &SourceFile, doc: &Document| -> Vec<Owners> {
        all_tasks(src, doc)
            .into_iter()
            .map(|(number, _, leads, partners, deadline)| (number, leads, partners, deadline))
            .collect()
    };
    let name = "f01-county-housing-anhua-property-market-measures";
    let (hsrc, hdoc) = read(&root.join(format!("corpus-formats/{name}.html"))).unwrap();
    let (tsrc, tdoc) = read(&root.join(format!("corpus-formats/{name}.txt"))).unwrap();
    assert_eq!(hsrc.encoding.name(), "gb18030");
    assert_eq!(hdoc.tasks.len(), 13);
    assert_eq!(owners(&hsrc, &hdoc), owners(&tsrc, &tdoc));
    assert_eq!(
        hdoc.tasks[0]
            .leads
            .iter()
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>(),
        ["县财政局", "县税务局", "县住建局"]
    );

    let (hsrc, hdoc) =
        read(&root.join("corpus-formats/h07-city-health-guangzhou-family-doctor-plan.html"))
            .unwrap();
    let text = std::fs::read_to_string(
        root.join("corpus-judged/h07-city-health-guangzhou-family-doctor-plan.txt"),
    )
    .unwrap();
    let (tsrc, tdoc) = parse("h07.txt", &text);
    assert_eq!(hdoc.census.tables, 2);
    assert_eq!(hdoc.tasks.len(), 39);
    // Numbers, leads and partners as the text's. (Deadlines differ in continuation rows:
    // the text, a Word export, repeats the first row's text there, the page does not.)
    let who = |src: &SourceFile, doc: &Document| -> Vec<(String, Vec<String>, Vec<String>)> {
        all_tasks(src, doc)
            .into_iter()
            .map(|(number, _, leads, partners, _)| (number, leads, partners))
            .collect()
    };
    assert_eq!(who(&hsrc, &hdoc), who(&tsrc, &tdoc));
    // And the same findings: none. A 序号 cell a rowspan merged down numbers its rows as one
    // item, not one item repeated (seven false numbering findings before).
    assert_eq!(findings(&hsrc), vec![]);
    assert_eq!(findings(&tsrc), vec![]);
}
