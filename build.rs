//! Prepares the built-in word list (rules/words.txt) at build time: its two-character words
//! and its three- and four-character words as sorted packed keys, so a run looks words up in
//! the binary instead of building hash sets first (issue 23: 4 ms of one plan's 10).
//!
//! Keys: a two-character word `ab` is `a << 21 | b` (8 bytes, little-endian); a three- or
//! four-character word `abcd` (`d` NUL for three) is `a << 63 | b << 42 | c << 21 | d`
//! (16 bytes). `src/data.rs` reads them with the same layout.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=rules/words.txt");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string("rules/words.txt").expect("rules/words.txt");
    let mut two: Vec<u64> = Vec::new();
    let mut longer: Vec<u128> = Vec::new();
    for w in text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
    {
        let c: Vec<char> = w.chars().collect();
        match c.len() {
            2 => two.push(((c[0] as u64) << 21) | c[1] as u64),
            3 | 4 => {
                let d = c.get(3).copied().unwrap_or('\0');
                longer.push(
                    ((c[0] as u128) << 63)
                        | ((c[1] as u128) << 42)
                        | ((c[2] as u128) << 21)
                        | d as u128,
                );
            }
            _ => {}
        }
    }
    two.sort_unstable();
    two.dedup();
    longer.sort_unstable();
    longer.dedup();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let bytes2: Vec<u8> = two.iter().flat_map(|k| k.to_le_bytes()).collect();
    let bytes4: Vec<u8> = longer.iter().flat_map(|k| k.to_le_bytes()).collect();
    std::fs::write(out.join("words2.bin"), bytes2).expect("write words2.bin");
    std::fs::write(out.join("words34.bin"), bytes4).expect("write words34.bin");
}
