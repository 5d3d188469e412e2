#!/usr/bin/env python3
"""realpairs.py's missing-task score, matched task by task instead of line by line.

../shared/eval/realpairs.py counts a labelled directive task as flagged when a missing-task
finding's directive span covers its line. Where a directive line holds several tasks (one per
responsibility clause: 000 has 7 on its line 42), one missing task there flags all of them, so
even a perfect verdict scores false positives. This script reads `planlint diff --format json`
and matches the k-th labelled task on a line to the k-th directive task planlint reads on that
line (as ../shared/eval/corpus.py matches tasks), then scores the verdicts: "missing" should be
the labels' "no", never their "yes"; "partly" labels count for neither side.

Usage: realpairs_by_task.py --linter target/release/planlint [--docs seeds] [--verbose] [LABELS.json...]
"""
import argparse, collections, json, os, subprocess, sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--linter", required=True)
    ap.add_argument("--docs", default="seeds")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("labels", nargs="*")
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "shared", "eval", "pairs")
    labels = a.labels or sorted(os.path.join(shared, f) for f in os.listdir(shared) if f.endswith(".json"))
    for path in labels:
        lab = json.load(open(path, encoding="utf-8"))
        d, p = os.path.join(a.docs, lab["directive"]), os.path.join(a.docs, lab["plan"])
        out = subprocess.run([a.linter, "diff", p, "--against", d, "--format", "json"] + (["--rules", os.environ["RULES"]] if os.environ.get("RULES") else []),
                             capture_output=True, text=True, timeout=300)
        diff = json.loads(out.stdout)
        by_line = collections.defaultdict(list)
        for t in diff["tasks"]:
            by_line[t["directive"]["line"]].append(t)
        seen = collections.Counter()
        tp = fp = fn = 0
        for t in lab["tasks"]:
            k = seen[t["line"]]
            seen[t["line"]] += 1
            mine = by_line.get(t["line"], [])
            v = mine[k]["verdict"] if k < len(mine) else "missing"
            flagged = v == "missing"
            if t["covered"] == "no":
                tp += flagged
                fn += not flagged
                if a.verbose and not flagged:
                    print("  MISS   line %d (%s): %s %.2f" % (t["line"], t["summary"], v, mine[k]["score"] if k < len(mine) else 0))
            elif t["covered"] == "yes" and flagged:
                fp += 1
                if a.verbose:
                    print("  FP     line %d (%s): missing %.2f, carried at plan lines %s" % (
                        t["line"], t["summary"], mine[k]["score"] if k < len(mine) else 0, t["plan_lines"]))
        no = sum(1 for t in lab["tasks"] if t["covered"] == "no")
        prec = tp / (tp + fp) if tp + fp else 1.0
        print("%-16s missing-task by task: P %.2f R %.2f (tp %d fp %d of %d missing)  coverage %.2f vs labels %.2f" % (
            os.path.basename(path), prec, tp / no if no else 1.0, tp, fp, no,
            diff["coverage"]["matched"] / diff["coverage"]["total"],
            1 - no / len(lab["tasks"])))


if __name__ == "__main__":
    sys.exit(main())
