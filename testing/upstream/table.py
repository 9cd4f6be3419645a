#!/usr/bin/python3
"""Print build/upstream/results.tsv (testing/upstream/run.py) as a table and totals."""
import collections, sys
path = sys.argv[1] if len(sys.argv) > 1 else "build/upstream/results.tsv"
rows = collections.OrderedDict()
for line in open(path):
    if line.startswith("#") or not line.strip():
        continue
    f = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
    rows.setdefault(f[0], {})[f[1]] = f
print("| test | stock | patched | stock/patched | note |")
print("|---|---|---|---|---|")
n = collections.Counter()
reasons = collections.Counter()
for t, r in rows.items():
    s, p, c = r.get("stock", [""] * 5), r.get("patched", [""] * 5), r.get("compare", [""] * 5)
    print("| %s | %s (%ss) | %s (%ss) | %s %s | %s |" % (t, s[2], s[3], p[2], p[3], c[2], c[4], p[4] or s[4]))
    n["run"] += 1
    n[c[2] or "incomplete"] += 1
    if s[2] == p[2] == "passed":
        n["passed on both"] += 1
    for v in (s, p):
        if v[2] not in ("passed", ""):
            reasons[v[4].split(";")[0].split(" [")[0] or v[2]] += 1
print()
print("tests: %d; %s" % (n["run"], ", ".join("%s %d" % (k, v) for k, v in n.items() if k != "run")))
for k, v in reasons.most_common():
    print("  not matching upstream's expected output (test x build): %d  %s" % (v, k))
