//! The Word reader on any content: a Word body (the inside of `word/document.xml`'s `w:body`) in a well-formed .docx. See
//! common/readers.rs for the check; seeds from `fuzz/seed_readers.py`.
#![no_main]

#[path = "../common/readers.rs"]
mod readers;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| readers::read_and_check(readers::Reader::Word, bytes));
