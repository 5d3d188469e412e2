#!/bin/sh
# Runs one fuzz target for a while, seeded with the real plans.
#   fuzz/run.sh decode_parse 600
#   fuzz/run.sh check_render 900
#   fuzz/run.sh config_data 600
#   fuzz/run.sh read_docx 1800   (and read_xlsx, read_ofd, read_pdf, read_html: one reader each)
# Needs cargo-fuzz (cargo install cargo-fuzz). The stable toolchain works with
# RUSTC_BOOTSTRAP=1, which lets cargo-fuzz pass its sanitizer flags.
set -eu
target=${1:?target: decode_parse, check_render, config_data or read_docx/xlsx/ofd/pdf/html}
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
if [ "$target" = config_data ]; then
    # A byte picking the file (its index in src/data.rs's FILES; 255 for planlint.toml), then
    # its text: the built-in rule data and the README's config.
    for f in lexicon:0 metrics:1 agencies:2 units:3 rules:5; do
        name=${f%:*}
        [ -f "$corpus/$name" ] || { printf "\\00${f#*:}"; cat rules/$name.toml; } > "$corpus/$name"
    done
    [ -f "$corpus/config" ] || { printf '\377'; sed -n '/^fail-on = /,/^reason = /p' README.md; } > "$corpus/config"
    RUSTC_BOOTSTRAP=1 exec cargo fuzz run -O "$target" "$corpus" -- \
        -max_total_time="$seconds" -max_len=131072 -len_control=0 -rss_limit_mb=4096
fi
case $target in
read_*)
    # Seeds made from seed 001, the Word fixture and the published PDF; inputs up to 1 MB (the
    # PDF seed is 240 KB).
    python3 fuzz/seed_readers.py fuzz/corpus
    RUSTC_BOOTSTRAP=1 exec cargo fuzz run -O "$target" "$corpus" -- \
        -max_total_time="$seconds" -max_len=1048576 -len_control=0 -rss_limit_mb=4096 -timeout=60
    ;;
esac
# Inputs up to 256 KB (128 KB for check_render, which renders every finding of both documents
# in four formats), from the start (-len_control=0): long enough for a line whose findings
# stand past column 65,535.
max_len=262144
[ "$target" = check_render ] && max_len=131072
RUSTC_BOOTSTRAP=1 exec cargo fuzz run -O "$target" "$corpus" seeds tests/fixtures -- \
    -max_total_time="$seconds" -max_len="$max_len" -len_control=0 -rss_limit_mb=4096
