//! The web page reader on any content: a saved web page as it is. See
//! common/readers.rs for the check; seeds from `fuzz/seed_readers.py`.
#![no_main]

#[path = "../common/readers.rs"]
mod readers;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| readers::read_and_check(readers::Reader::Html, bytes));
