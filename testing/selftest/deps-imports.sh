#!/bin/bash
# Every Python module the tests import is installed by mk/deps.sh.
#
# The runners here and upstream's own scripts (testing/guestbin/swan-prep,
# testing/utils/fab, testing/x509) run under /usr/bin/python3, the
# Makefile's PYTHON and the PATH testing/upstream/run.py gives each
# host's shell.  A module that some other python on the machine has, or
# that only `make check-upstream` used to install, makes every test in
# libreswan's form fail on a fresh machine with ModuleNotFoundError.  So:
# each module outside the standard library and outside the tree must be
# importable by /usr/bin/python3, from a file a Debian package owns.
set -eu
top=$SWAN_TOP
src=$top/build/libreswan-5.2
[ -d "$src/testing/guestbin" ] || { echo "no extracted source in $src (make build)" >&2; exit 1; }
/usr/bin/python3 - "$top" "$src" <<'EOF'
import ast
import glob
import importlib.util
import os
import subprocess
import sys

top, src = sys.argv[1], sys.argv[2]

def python_files():
    for d in (os.path.join(top, "testing"), os.path.join(src, "testing")):
        for root, dirs, files in os.walk(d):
            dirs[:] = [x for x in dirs if x not in ("pluto", "__pycache__")]
            for f in files:
                p = os.path.join(root, f)
                if f.endswith(".py"):
                    yield p
                    continue
                try:
                    with open(p, "rb") as fd:
                        first = fd.readline(200)
                except OSError:
                    continue
                if first.startswith(b"#!") and b"python" in first:
                    yield p

def local(name, path):
    """A module of the tree itself: beside the file, or a package of
    upstream's testing/utils (fab)."""
    for d in (os.path.dirname(path), os.path.join(src, "testing", "utils")):
        if os.path.exists(os.path.join(d, name + ".py")) or \
           os.path.isdir(os.path.join(d, name)):
            return True
    return False

wanted = {}
for path in python_files():
    try:
        tree = ast.parse(open(path, encoding="utf-8", errors="replace").read(), path)
    except SyntaxError:
        continue    # python 2 leftovers upstream never runs
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module]
        else:
            continue
        for name in names:
            name = name.split(".")[0]
            if name in sys.stdlib_module_names or local(name, path):
                continue
            wanted.setdefault(name, set()).add(os.path.relpath(path, top))

fail = 0
for name in sorted(wanted):
    users = ", ".join(sorted(wanted[name])[:3])
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        print("FAIL %s (imported by %s): /usr/bin/python3 has no such module; "
              "mk/deps.sh must install its Debian package" % (name, users))
        fail = 1
        continue
    owner = subprocess.run(["dpkg", "-S", spec.origin], capture_output=True, text=True)
    if owner.returncode != 0:
        print("FAIL %s (imported by %s): %s belongs to no Debian package"
              % (name, users, spec.origin))
        fail = 1
        continue
    print("%s: %s (%s)" % (name, owner.stdout.split(":")[0], users))
print("deps-imports: %d modules outside the standard library" % len(wanted))
sys.exit(fail)
EOF
