//! Any text as a plan and a directive (split at the first NUL byte): parsed, aligned, checked
//! and rendered in every output format. Must not panic, and every reported span must lie on
//! char boundaries inside its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planlint::data::RuleData;
use std::sync::OnceLock;

static DATA: OnceLock<RuleData> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let data = DATA.get_or_init(RuleData::builtin);
    let (plan, directive) = match bytes.iter().position(|&b| b == 0) {
        Some(i) => (&bytes[..i], Some(&bytes[i + 1..])),
        None => (bytes, None),
    };
    let plan = String::from_utf8_lossy(plan);
    let directive = directive.map(String::from_utf8_lossy);
    planlint::testing_support::check_and_render(&plan, directive.as_deref(), data);
});
