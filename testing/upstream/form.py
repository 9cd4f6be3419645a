#!/usr/bin/python3
"""Run this project's tests that are in libreswan's own form (a directory
of testing/pluto/ with <host>.console.txt files) the way libreswan's
runner runs them, through testing/upstream/run.py's run_test(): the
test's NN-host-*.sh lines typed one by one into each host's console,
upstream's guestbin (swan-prep, wait-until-pluto-started, post-mortem.sh)
and this project's testing/guestbin/swan-* helpers under /testing/guestbin,
upstream's host names and addresses, upstream's sanitizers, and the
sanitized console compared with the recorded <host>.console.txt.

/testing is the 5.2 tarball's testing/ with two layers on top: the test's
directory (testing/pluto/NAME) and this project's testing/guestbin, i.e.
exactly what copying them into libreswan's tree gives.

On top of the console comparison (what upstream's runner checks), this
is how swantest runs such a test, so every assertion still counts:
  - every line of every step must exit 0 (the steps were bash -e);
  - upstream's post-mortem.sh must find no FAIL (pluto shut down, no
    core, no leak, refcnt.gawk);
  - no pluto log may hold ASSERTION FAILED / EXPECTATION FAILED.

  form.py [--prefix P] TEST...          run; PASS/FAIL lines as swantest's
  form.py --record TEST...              run, and if everything but the
                                        console passed, write the sanitized
                                        consoles into testing/pluto/TEST/
  form.py --no-console TEST...          do not compare consoles (a stock
                                        or partial build: make check-stock,
                                        check-bisect)
"""

import argparse
import glob
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
NSENV = "SWAN_FORM_RUNNER_NS"
# where the inner runner records its namespace holders (run.py's HOLDERS_FILE)
HOLDERS_ENV = "SWAN_FORM_RUNNER_HOLDERS"
BAD_LOG_RE = re.compile(r"ASSERTION FAILED|EXPECTATION FAILED")

spec = importlib.util.spec_from_file_location("upstream_run", os.path.join(HERE, "run.py"))
upstream = importlib.util.module_from_spec(spec)
spec.loader.exec_module(upstream)


def is_upstream_form(testdir):
    return bool(glob.glob(os.path.join(testdir, "*.console.txt")))


def unpack(work, tarball):
    """WORK/src/libreswan-5.2/testing: the tarball's testing/, as released."""
    tree = os.path.join(work, "src")
    testing = os.path.join(tree, "libreswan-5.2", "testing")
    if not os.path.exists(os.path.join(tree, ".ready")):
        shutil.rmtree(tree, ignore_errors=True)
        os.makedirs(tree)
        upstream.sh(["tar", "-C", tree, "-xzf", tarball, "libreswan-5.2/testing"])
        open(os.path.join(tree, ".ready"), "w").write("ok\n")
    return testing


def leak_free(out, host):
    """HOST's pluto log ends with leak detective finding no leaks."""
    log = os.path.join(out, host + ".pluto.log")
    if not os.path.exists(log):
        return False
    lines = [l for l in open(log, errors="replace") if "leak detective found" in l]
    return bool(lines) and "leak detective found no leaks" in lines[-1]


def shut_down_cleanly(testing, out, host):
    log = os.path.join(out, host + ".pluto.log")
    if not leak_free(out, host):
        return False
    return upstream.sh(["gawk", "-f", os.path.join(testing, "utils", "refcnt.gawk"), log],
                       check=False).returncode == 0


def debug_switched(testdir, host):
    """Does a step of HOST switch pluto's debugging while it runs?"""
    for f in glob.glob(os.path.join(testdir, "[0-9]*-%s-*.sh" % host)):
        if re.search(r"\bipsec whack\b.*--debug\b", open(f, errors="replace").read()):
            return True
    return False


def run_one(name, tests_dir, testing, prefix, work, timeout, console, record, keep, collect):
    start = time.time()
    rundir = os.path.join(work, name)
    shutil.rmtree(rundir, ignore_errors=True)
    layer = os.path.join(rundir, "layer")
    merged = os.path.join(rundir, "testing")
    os.makedirs(os.path.join(layer, "pluto"))
    os.makedirs(merged)
    src = os.path.join(tests_dir, name)
    shutil.copytree(src, os.path.join(layer, "pluto", name),
                    ignore=shutil.ignore_patterns("OUTPUT", "NS"))
    # this project's guestbin helpers and sanitizers, as copied into
    # libreswan's testing/
    for sub in ("guestbin", "sanitizers"):
        shutil.copytree(os.path.join(TOP, "testing", sub), os.path.join(layer, sub))
    upstream.sh(["mount", "-t", "overlay", "overlay", "-o",
                 "lowerdir=%s:%s" % (layer, testing), merged])
    try:
        status, secs, note = upstream.run_test(name, merged, prefix,
                                               os.path.join(rundir, "run"), timeout)
    except Exception as e:
        status, note = "error", "runner: %s: %s" % (type(e).__name__, e)
    finally:
        upstream.sh(["umount", "-l", "/testing"], check=False)
        upstream.sh(["umount", "-l", merged], check=False)
    out = os.path.join(rundir, "run", "upper", "pluto", name, "OUTPUT")
    problems = []
    if status in ("error", "skipped", "timeout"):
        problems.append("%s: %s" % (status, note))
    st = os.path.join(out, "exit-status.txt")
    if os.path.exists(st):
        for line in open(st, errors="replace"):
            host, code, cmd = line.rstrip("\n").split("\t", 2)
            problems.append("%s: exit %s: %s" % (host, code, cmd))
    if "post-mortem FAIL" in note:
        fails = re.sub(r" \[.*\]$", "", note[note.index("post-mortem FAIL") + 17:]).split("; ")
        for f in fails:
            host = f.split(":")[0]
            if f == host + ": shutting down pluto" and shut_down_cleanly(testing, out, host):
                # post-mortem.sh's pidof raced pluto's exit after
                # whack --shutdown returned (frequent on a loaded
                # machine) and skipped its leak and refcnt checks: the
                # log says it shut down with no leaks, refcnt.gawk
                # accepts it
                print("note %s: %s: pluto exited after post-mortem's pidof; "
                      "its log: no leaks, refcnt.gawk passes" % (name, host), flush=True)
                continue
            if (f == host + ": reference leaks" and debug_switched(src, host)
                    and leak_free(out, host)):
                # refcnt.gawk pairs each newref with its delref in a
                # log with debugging on from the start (upstream's
                # plutodebug=all); a step that switches it on and off
                # leaves pairs half logged.  Leaks are leak detective's
                # to find, and it found none.
                print("note %s: %s: refcnt.gawk not applicable: a step switches pluto's "
                      "debugging (whack --debug); leak detective: no leaks" % (name, host), flush=True)
                continue
            problems.append("post-mortem FAIL " + f)
    for log in sorted(glob.glob(os.path.join(out, "*.pluto.log"))):
        for line in open(log, errors="replace"):
            if BAD_LOG_RE.search(line):
                problems.append("%s: %s" % (os.path.basename(log), line.strip()))
    hosts = sorted(os.path.basename(p).split(".")[0]
                   for p in glob.glob(os.path.join(out, "*.console.verbose.txt"))
                   if not os.path.basename(p).startswith("all."))
    if record and not problems:
        for h in hosts:
            shutil.copy(os.path.join(out, h + ".console.txt"), os.path.join(src, h + ".console.txt"))
        print("recorded %s: %s" % (name, " ".join(h + ".console.txt" for h in hosts)), flush=True)
    elif console:
        for h in hosts:
            if not os.path.exists(os.path.join(src, h + ".console.txt")):
                problems.append("%s: no recorded %s.console.txt" % (h, h))
            elif os.path.exists(os.path.join(out, h + ".console.diff")):
                diff = open(os.path.join(out, h + ".console.diff"), errors="replace").read()
                lines = [l for l in diff.splitlines()[2:] if l[:1] in "+-"][:6]
                problems.append("%s: sanitized console differs from %s.console.txt:\n        %s"
                                % (h, h, "\n        ".join(lines)))
    secs = time.time() - start
    if collect:
        # the VM guest's writes vanish at power-off
        shutil.copytree(out, os.path.join(collect, name, "OUTPUT"), dirs_exist_ok=True,
                        symlinks=True, ignore_dangling_symlinks=True)
    if not problems and not keep:
        shutil.rmtree(rundir, ignore_errors=True)
    if problems:
        print("FAIL %s (%.1fs): %s" % (name, secs, "; ".join(problems)), flush=True)
        print("     logs: %s" % out, flush=True)
        return False
    print("PASS %s (%.1fs)" % (name, secs), flush=True)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prefix", default=os.path.join(TOP, "build/inst"))
    ap.add_argument("--tests-dir", default=os.path.join(TOP, "testing/pluto"))
    ap.add_argument("--work", default=os.path.join(TOP, "build/tests/form"))
    ap.add_argument("--tarball", default=os.path.join(TOP, "build/libreswan_5.2.orig.tar.gz"))
    ap.add_argument("--timeout", type=int, default=600, help="per test (s); run.py gives a command 120 s")
    ap.add_argument("--record", action="store_true")
    ap.add_argument("--no-console", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the run directory of a passing test")
    ap.add_argument("--collect", help="copy each test's OUTPUT/ to COLLECT/NAME/")
    ap.add_argument("--prepare", action="store_true", help="only unpack the tarball's testing/")
    ap.add_argument("tests", nargs="*")
    args = ap.parse_args()
    prefix = os.path.abspath(args.prefix)
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    if args.prepare:
        unpack(work, args.tarball)
        return 0
    # a SIGTERM (swantest's timeout or Ctrl-C, a CI's cancel) unwinds
    # through the finally clauses: run.py's topology teardown kills
    # every namespace holder, and the outer runner kills what is left
    def on_signal(signum, frame):
        raise SystemExit("form.py: killed by signal %d" % signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    if os.environ.get(NSENV) != "1":
        # a mount namespace of our own: /testing and the layers go with it
        unpack(work, args.tarball)
        # /testing is a mount point (the mounts are all in our own
        # namespace); a file of ours in it keeps another runner that made
        # it (run.py removes /testing if it created it) from removing it
        # while we use it; the last user removes it
        os.makedirs("/testing", exist_ok=True)
        marker = "/testing/.in-use-by-form.py.%d" % os.getpid()
        open(marker, "w").close()
        holders = os.path.join(work, "holders.%d" % os.getpid())
        inner = None
        try:
            inner = subprocess.Popen(["unshare", "--mount", "--propagation", "private",
                                      sys.executable, os.path.abspath(__file__)] + sys.argv[1:],
                                     env=dict(os.environ, **{NSENV: "1", HOLDERS_ENV: holders}))
            return inner.wait()
        finally:
            if inner and inner.poll() is None:
                inner.terminate()
                try:
                    inner.wait(30)
                except subprocess.TimeoutExpired:
                    inner.kill()
                    inner.wait()
            # what a killed inner runner's namespaces still hold
            if inner and inner.returncode != 0:
                upstream.kill_holders(holders)
            if os.path.exists(holders):
                os.unlink(holders)
            os.unlink(marker)
            try:
                os.rmdir("/testing")
            except OSError:
                pass
    upstream.HOLDERS_FILE = os.environ.get(HOLDERS_ENV)
    if upstream.sh(["stat", "-f", "-c", "%T", work]).stdout.strip() == "overlayfs":
        # the VM guest's root is an overlay, which cannot hold the upper
        # directories of run.py's overlays: a tmpfs of our own
        upstream.sh(["mount", "-t", "tmpfs", "-o", "mode=0755", "tmpfs", work])
    testing = unpack(work, args.tarball)
    ok = True
    for name in args.tests:
        if not is_upstream_form(os.path.join(args.tests_dir, name)) and not args.record:
            print("FAIL %s: not in libreswan's form (no *.console.txt)" % name)
            ok = False
            continue
        ok &= run_one(name, args.tests_dir, testing, prefix, work, args.timeout,
                      not args.no_console, args.record, args.keep, args.collect)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
