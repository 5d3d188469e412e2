//! The Excel reader on any content: the rows of an Excel sheet (the inside of `sheetData`) in a well-formed .xlsx. See
//! common/readers.rs for the check; seeds from `fuzz/seed_readers.py`.
#![no_main]

#[path = "../common/readers.rs"]
mod readers;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| readers::read_and_check(readers::Reader::Excel, bytes));
