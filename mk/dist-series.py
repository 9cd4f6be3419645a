#!/usr/bin/env python3
"""The packagers' series: patches/ with each new file inside a patch.

The project edits its new files in place (programs/ lib/ include/
configs/ testing/programs/) and keeps in patches/ only the changes to
libreswan's own files.  A packager (quilt, %autosetup -p1, dpkg-source)
needs one series that, applied with patch -p1 --fuzz=0 to the pristine
tarball and nothing else, gives the whole tree; and git bisect needs
each prefix to hold only the files introduced so far.  This writes that
series to OUT (default build/dist/):

  - each new file enters in the first patch that needs it: a .c file
    with the patch that adds its .o to a Makefile, a man page section
    (.xml) with the patch that includes it, the unit test program with
    the patch that adds its directory, and a header with the first
    patch whose hunks, or whose new files, include it;
  - the patches keep their messages, authors and dates (git am), and
    are written again with git format-patch, so the headers (DEP-3's
    git form: From, Date, Subject, then the description) and diffstats
    describe what is in them;
  - the comment lines of patches/series (where each sub-series begins)
    are kept.

Several may run at once (make check's Debian build, its selftests
patch-no-fuzz and series-bisect): each works in a directory of its
own, and an OUT that already holds the same series is left untouched,
so that a reader of it never sees it half written.

usage: mk/dist-series.py [--list] [OUT]
  --list   print "<patch> <new file>" for every new file, and stop
"""

import filecmp
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEW_DIRS = ["programs", "lib", "include", "testing/programs", "configs"]
AUTHOR = ["-c", "user.name=libreswan-resume",
          "-c", "user.email=dev@libreswan-resume.invalid"]


def die(msg):
    sys.exit(f"dist-series: ERROR: {msg}")


def version():
    with open(os.path.join(TOP, "mk", "libreswan.version")) as f:
        m = re.search(r"LIBRESWAN_VERSION=(\S+)", f.read())
    return m.group(1)


def read_series():
    """[(comment lines before it, patch file)] and trailing comments."""
    entries, comments = [], []
    with open(os.path.join(TOP, "patches", "series")) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#") or not line.strip():
                comments.append(line)
                continue
            entries.append((comments, line.split()[0]))
            comments = []
    return entries


def new_files():
    files = []
    for d in NEW_DIRS:
        for root, _, names in os.walk(os.path.join(TOP, d)):
            for n in names:
                files.append(os.path.relpath(os.path.join(root, n), TOP))
    return sorted(files)


def added_lines(patch):
    with open(os.path.join(TOP, "patches", patch), errors="replace") as f:
        return [l[1:] for l in f if l.startswith("+") and not l.startswith("+++")]


def includes(path):
    with open(os.path.join(TOP, path), errors="replace") as f:
        return set(re.findall(r'^#\s*include\s+"([^"]+)"', f.read(), re.M))


def entry_points(series, files):
    """Index of the patch each new file enters with."""
    added = [added_lines(p) for _, p in series]

    def first(pred):
        for i, lines in enumerate(added):
            if any(pred(l) for l in lines):
                return i
        return None

    entry = {}
    for f in files:
        base = os.path.basename(f)
        if f.startswith("testing/programs/"):
            prog = f.split("/")[2]
            entry[f] = first(lambda l: re.search(rf"\b{re.escape(prog)}\b", l))
        elif f.endswith(".c"):
            obj = base[:-2] + ".o"
            entry[f] = first(lambda l: re.search(rf"\b{re.escape(obj)}\b", l))
        elif f.endswith(".xml"):
            entry[f] = first(lambda l: base in l)
        elif f.endswith(".h"):
            entry[f] = first(lambda l: re.search(rf'#\s*include\s+"{re.escape(base)}"', l))
        else:
            entry[f] = None
    # a header also enters with the first new file that includes it
    inc = {f: includes(f) for f in files if f.endswith((".c", ".h"))}
    changed = True
    while changed:
        changed = False
        for f, names in inc.items():
            if entry.get(f) is None:
                continue
            for h in files:
                if h.endswith(".h") and os.path.basename(h) in names and \
                   (entry[h] is None or entry[h] > entry[f]):
                    entry[h] = entry[f]
                    changed = True
    lost = [f for f in files if entry[f] is None]
    if lost:
        die("no patch needs these new files: " + " ".join(lost))
    return entry


def git(tree, *args, **kw):
    return subprocess.run(["git", "-C", tree] + AUTHOR + list(args),
                          check=True, **kw)


def main():
    args = sys.argv[1:]
    listing = "--list" in args
    args = [a for a in args if a != "--list"]
    out = os.path.abspath(args[0] if args else os.path.join(TOP, "build", "dist"))
    series = read_series()
    files = new_files()
    entry = entry_points(series, files)
    if listing:
        for f in sorted(files, key=lambda f: (entry[f], f)):
            print(series[entry[f]][1], f)
        return

    work = tempfile.mkdtemp(prefix="dist-work.", dir=os.path.join(TOP, "build"))
    try:
        write_series(series, files, entry, work, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_series(series, files, entry, work, out):
    """Apply the series to the tarball in WORK, a patch and its new files
    at a time, and write it as patches to OUT."""
    ver = version()
    with tarfile.open(os.path.join(TOP, "build", f"libreswan_{ver}.orig.tar.gz")) as t:
        t.extractall(work)
    tree = os.path.join(work, f"libreswan-{ver}")
    git(tree, "init", "-q", "-b", "main")
    # no background "git gc --auto" (git am may start one, detached):
    # it would still be deleting loose objects when rmtree(work) runs
    git(tree, "config", "gc.auto", "0")
    git(tree, "add", "-A")
    git(tree, "commit", "-q", "-m", f"libreswan {ver}")
    git(tree, "tag", "pristine")
    for i, (_, p) in enumerate(series):
        git(tree, "am", "-q", "--keep-cr", os.path.join(TOP, "patches", p))
        mine = [f for f in files if entry[f] == i]
        for f in mine:
            dst = os.path.join(tree, f)
            if os.path.exists(dst):
                die(f"{f} would replace a file of the tarball")
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(os.path.join(TOP, f), dst)
        if mine:
            git(tree, "add", "--", *mine)
            git(tree, "commit", "-q", "--amend", "--no-edit")

    # beside OUT, so that it can be renamed into place
    parent = os.path.dirname(out)
    os.makedirs(parent, exist_ok=True)
    new = tempfile.mkdtemp(prefix=os.path.basename(out) + ".new.", dir=parent)
    old = new.replace(".new.", ".old.", 1)
    try:
        git(tree, "format-patch", "-q", "--zero-commit", "--no-signature",
            "--no-numbered", "--subject-prefix=PATCH", "-o", new, "pristine..HEAD")
        written = sorted(n for n in os.listdir(new) if n.endswith(".patch"))
        if written != [p for _, p in series]:
            die("the series' file names changed: run make export-patches")
        with open(os.path.join(new, "series"), "w") as f:
            for comments, p in series:
                for c in comments:
                    print(c, file=f)
                print(p, file=f)
        os.chmod(new, 0o755)
        if same_files(new, out):
            state = "up to date"
        else:
            # the old series out of the way, the new one in
            if os.path.exists(out):
                os.rename(out, old)
            os.rename(new, out)
            state = "written"
    finally:
        shutil.rmtree(new, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    print(f"dist-series: {len(series)} patches, {len(files)} new files inside them, in {out} ({state})")


def same_files(a, b):
    """Directories a and b hold the same file names and contents."""
    try:
        names = sorted(os.listdir(b))
    except FileNotFoundError:
        return False
    if names != sorted(os.listdir(a)):
        return False
    return all(filecmp.cmp(os.path.join(a, n), os.path.join(b, n), shallow=False)
               for n in names)


if __name__ == "__main__":
    main()
