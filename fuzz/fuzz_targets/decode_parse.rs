//! Any bytes: decoded as a plan (text in any encoding, or a .docx), then parsed. Must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planlint::data::RuleData;
use planlint::reading::parse_document;
use planlint::source::SourceFile;
use std::sync::OnceLock;

static DATA: OnceLock<RuleData> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let data = DATA.get_or_init(RuleData::builtin);
    if let Ok(src) = SourceFile::from_bytes("fuzz.txt", bytes, None) {
        planlint::testing_support::assert_model_spans(&src, &parse_document(&src, data));
    }
    if let Ok(src) =
        planlint::input::docx::read("fuzz.docx", bytes, planlint::input::DEFAULT_MAX_SIZE)
    {
        planlint::testing_support::assert_model_spans(&src, &parse_document(&src, data));
    }
});
