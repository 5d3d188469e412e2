#!/bin/sh
# Runs one fuzz target for a while, seeded with the real plans.
#   fuzz/run.sh decode_parse 600
#   fuzz/run.sh check_render 900
# Needs cargo-fuzz (cargo install cargo-fuzz). The stable toolchain works with
# RUSTC_BOOTSTRAP=1, which lets cargo-fuzz pass its sanitizer flags.
set -eu
target=${1:?target: decode_parse or check_render}
seconds=${2:-300}
cd "$(dirname "$0")/.."
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
if [ "$target" = check_render ]; then
    # Plan, NUL, directive: the two real plan/directive pairs.
    for pair in "003 001" "002 000"; do
        set -- $pair
        out=$corpus/pair_$1_$2
        [ -f "$out" ] || { cat seeds/$1_*.txt; printf '\000'; cat seeds/$2_*.txt; } > "$out"
    done
fi
# decode_parse reads whole seeds (up to 90 KB); check_render renders every finding of both
# documents in four formats, so smaller inputs keep it at hundreds of runs a second.
max_len=65536
[ "$target" = check_render ] && max_len=8192
RUSTC_BOOTSTRAP=1 exec cargo fuzz run -O "$target" "$corpus" seeds tests/fixtures -- \
    -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=4096
