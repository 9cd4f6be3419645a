#!/usr/bin/python3
"""The table of a check-upstream run (docs/upstream-tests.md), from
RESULTS (testing/upstream/run.py's results.tsv: the last line of each
test and build counts) and DIFFERENCES (testing/upstream/differences.txt:
why each stock/patched difference is there).

usage: table.py [RESULTS [DIFFERENCES]] [--all]   (--all: a row per test too)

Exit status 1 if a difference is not explained in DIFFERENCES.
"""
import collections
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
argv = [a for a in sys.argv[1:] if not a.startswith("--")]
every = "--all" in sys.argv
results = argv[0] if argv else os.path.join(TOP, "build/upstream/results.tsv")
differences = argv[1] if len(argv) > 1 else os.path.join(TOP, "testing/upstream/differences.txt")

rows = collections.OrderedDict()
for line in open(results):
    if line.startswith("#") or not line.strip():
        continue
    f = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
    rows.setdefault(f[0], {})[f[1]] = f

why = {}            # (test, host) -> (class, reason)
for line in open(differences):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    if len(f) < 4:
        sys.exit("table.py: %s: not test<TAB>host<TAB>class<TAB>reason: %r" % (differences, line))
    why[(f[0], f[1])] = (f[2], f[3])


def reason(note):
    """An environment failure's reason, without the test's own details."""
    n = re.sub(r"^\[.*", "", note).split(" [")[0]
    if "NSS database" in n and "x509's scripts made them" in n or n.startswith("environment: NSS database"):
        return "environment: pluto found no NSS database it could open in /etc/ipsec.d"
    if n.startswith("environment: certificates") and "fails with Debian's certutil" in n:
        return ("environment: certificates: run before testing/x509's scripts could make them "
                "(NSS 3.87's certutil, before testing/upstream/shims/certutil); to run again")
    if n.startswith("environment: certificates"):
        return "environment: certificates (" + ("pluto found no NSS database"
                                                if "NSS database" in n else
                                                "upstream's certificates missing") + ")"
    if n.startswith("environment: no ESP"):
        return "environment: no ESP on the host (the Child SA / IPsec SA cannot be installed)"
    if n.startswith("timed out"):
        return "timed out"
    if "post-mortem FAIL" in n:
        return "post-mortem FAIL (" + re.sub(r".*post-mortem FAIL [a-z]+: ", "", n).split(";")[0] + ")"
    return "output differs from upstream's expected output" if not n else n.split(";")[0]


def wall_time():
    """Seconds during which at least one of the counted test runs ran:
    each run ended when its kept tree's result.tsv was written
    (WORK/BUILD/TEST/result.tsv, beside RESULTS) and began its seconds
    before.  None without kept trees."""
    work = os.path.dirname(os.path.abspath(results))
    spans = []
    missing = 0
    for t, r in rows.items():
        for b in ("stock", "patched"):
            f = r.get(b)
            if not f:
                continue
            try:
                end = os.stat(os.path.join(work, b, t, "result.tsv")).st_mtime
                spans.append((end - int(f[3] or 0), end))
            except (OSError, ValueError):
                missing += 1
    if not spans:
        return None
    total, until = 0.0, None
    for a, z in sorted(spans):
        if until is None or a > until:
            total += z - a
            until = z
        elif z > until:
            total += z - until
            until = z
    return total, missing


n = collections.Counter()
alike = collections.Counter()
alike_tests = {}    # reason -> tests (named where there are few)
secs = 0
different = []
unexplained = []
for t, r in rows.items():
    s, p, c = (r.get(b, [t, b, "", "0", ""]) for b in ("stock", "patched", "compare"))
    if not s[2] or not p[2]:
        n["incomplete"] += 1
        continue
    n["run"] += 1
    for v in (s, p):
        try:
            secs += int(v[3] or 0)
        except ValueError:
            pass
    verdict = c[2] or "not compared"
    n[verdict] += 1
    for b in (s, p):
        if b[2] == "passed":
            n["passed " + b[1]] += 1
    if verdict == "different":
        for host in c[4].split():
            cls, because = why.get((t, host), ("UNEXPLAINED", ""))
            if cls == "UNEXPLAINED":
                unexplained.append((t, host))
            different.append((t, host, cls, because))
    elif s[2] != "passed" and p[2] != "passed":
        k = reason(s[4] if s[4] else p[4])
        alike[k] += 1
        alike_tests.setdefault(k, []).append(t)

print("Tests run on both builds: %d (stock %s, patched %s)" % (n["run"], "build/stock/inst", "build/inst"))
print("- identical sanitized output on both builds: %d" % n["identical"])
print("- different: %d (each explained below)" % n["different"])
if n["n/a"] or n["not compared"]:
    print("- not compared (a runner error on a build): %d" % (n["n/a"] + n["not compared"]))
print("- passed against upstream's expected output: stock %d, patched %d"
      % (n["passed stock"], n["passed patched"]))
print("- failing alike on both builds (compare identical, neither passed), by reason:")
for k, v in alike.most_common():
    print("    %4d  %s%s" % (v, k, ": " + ", ".join(alike_tests[k]) if v <= 5 else ""))
if n["incomplete"]:
    print("- incomplete (one build not run yet; a rerun continues): %d" % n["incomplete"])
print("- test time: %d s summed over tests and builds (%.1f h)" % (secs, secs / 3600.0))
wall = wall_time()
if wall is not None:
    print("- wall time: %d s (%.1f h): the union of the run intervals of those results "
          "(kept trees' result.tsv times), %d test run(s) not kept" % (wall[0], wall[0] / 3600.0, wall[1]))
print()
print("| test | host | class | patch or reason |")
print("|---|---|---|---|")
for t, host, cls, because in different:
    print("| %s | %s | %s | %s |" % (t, host, cls, because))
if every:
    print()
    print("| test | stock | patched | stock/patched | note |")
    print("|---|---|---|---|---|")
    for t, r in rows.items():
        s, p, c = (r.get(b, [t, b, "", "", ""]) for b in ("stock", "patched", "compare"))
        print("| %s | %s (%ss) | %s (%ss) | %s %s | %s |"
              % (t, s[2], s[3], p[2], p[3], c[2], c[4], p[4] or s[4]))
if unexplained:
    print()
    print("UNEXPLAINED stock/patched differences (add them to %s): %s"
          % (differences, " ".join("%s/%s" % u for u in unexplained)))
    sys.exit(1)
