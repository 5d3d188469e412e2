//! planlint's own files from any text: the first byte picks planlint.toml or one of the
//! rule-data files (lexicon, metrics, agencies, rules), the rest is its text. Loading and
//! validating must give data or an error that renders; data that loads must check a plan.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    planlint::testing_support::load_own_file(bytes);
});
