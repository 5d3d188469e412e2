#!/usr/bin/env python3
"""Findings on corpus-judged/ that no judgement covers, over every document.

../shared/eval/findings.py runs planlint only on the documents named in some judgement, so a
document whose judged list is empty (`{"findings": []}`) is never run, and a new finding there is
never listed as UNJUDGED. This script runs every `corpus-judged/<prefix>*.txt` and prints each
finding that matches no judgement the way findings.py matches (file, rule, line, column within
3), one per line: file, line, column, rule, message (TAB-separated), ready for a judge.

Usage: eval/unjudged.py --linter target/release/planlint [--prefixes thnmuvwxykz]
"""
import argparse, glob, json, os, subprocess


def findings(obj):
    if isinstance(obj, dict):
        if isinstance(obj.get("rule"), str):
            yield obj
        for v in obj.values():
            yield from findings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from findings(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--linter", required=True)
    ap.add_argument("--docs", default="corpus-judged")
    ap.add_argument("--prefixes", default="")
    a = ap.parse_args()
    linter = os.path.abspath(a.linter)
    for txt in sorted(glob.glob(os.path.join(a.docs, "*.txt"))):
        name = os.path.basename(txt)
        if a.prefixes and name[0] not in a.prefixes:
            continue
        judged = txt[:-4] + ".json"
        J = json.load(open(judged, encoding="utf-8"))["findings"] if os.path.exists(judged) else []
        p = subprocess.run([linter, "check", txt, "--format", "json"], capture_output=True, text=True)
        if p.returncode not in (0, 1):
            print("%s\t-\t-\tREFUSED\t%s" % (name, p.stderr.strip()[-200:]))
            continue
        for x in findings(json.loads(p.stdout)):
            if not any(j["rule"] == x["rule"] and j["line"] == x["line"]
                       and abs(j.get("column", 0) - (x.get("column") or 0)) <= 3 for j in J):
                print("%s\t%s\t%s\t%s\t%s" % (name, x["line"], x["column"], x["rule"], x.get("message", "")))


if __name__ == "__main__":
    main()
