#!/usr/bin/env python3
"""Run parse+check on case files; print a compact summary."""
import json, subprocess, sys, os
B = "/work/scratch/bin/planlint-s22start"
def run(args):
    try:
        p = subprocess.run(["timeout", "20", B] + args, capture_output=True)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except Exception as e:
        return -1, "", str(e)
def summarize(f, extra=()):
    rc, out, err = run(["parse", f, "--format", "json"] + list(extra))
    res = {"file": f, "parse_rc": rc}
    if rc == 0:
        try:
            d = json.loads(out)
            ts = d["tasks"]
            res["tasks"] = len(ts)
            res["numbers"] = [t["number"] for t in ts]
            res["leads"] = sum(1 for t in ts if t["leads"])
            res["lead_names"] = [",".join(l["name"] for l in t["leads"]) for t in ts]
            res["partners"] = sum(len(t["partners"]) for t in ts)
            res["deadlines"] = sum(1 for t in ts if t.get("deadline"))
            res["targets"] = len(d.get("targets", []))
            res["tables"] = [(t.get("rows"), t.get("tasks")) for t in d.get("tables", [])]
            res["census"] = d["census"]
            res["encoding"] = d.get("encoding")
            res["title"] = (d["facts"].get("title") or {}).get("text")
            res["texts"] = [t["text"][:40] for t in ts]
        except Exception as e:
            res["parse_err"] = repr(e) + out[:300]
    else:
        res["parse_stderr"] = err.strip()[:600]
    rc2, out2, err2 = run(["check", f, "--format", "json", "--lang", "en"] + list(extra))
    res["check_rc"] = rc2
    try:
        d2 = json.loads(out2)
        fs = d2["files"][0]
        res["findings"] = {}
        for x in fs["findings"]:
            res["findings"][x["rule"]] = res["findings"].get(x["rule"], 0) + 1
        res["check_error"] = fs.get("error")
    except Exception as e:
        res["check_out"] = out2[:300]
    if err2.strip():
        res["check_stderr"] = err2.strip()[:600]
    return res
if __name__ == "__main__":
    verbose = os.environ.get("V")
    for f in sys.argv[1:]:
        r = summarize(f)
        if not verbose:
            r.pop("texts", None); r.pop("lead_names", None)
        print(json.dumps(r, ensure_ascii=False))
