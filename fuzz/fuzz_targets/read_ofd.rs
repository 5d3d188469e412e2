//! The OFD reader on any content: the objects of an OFD page (the inside of its `ofd:Layer`) in a well-formed OFD package. See
//! common/readers.rs for the check; seeds from `fuzz/seed_readers.py`.
#![no_main]

#[path = "../common/readers.rs"]
mod readers;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| readers::read_and_check(readers::Reader::Ofd, bytes));
