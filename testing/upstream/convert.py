#!/usr/bin/python3
"""Re-express tests of testing/pluto/ in libreswan's own form, in place.

  testing/upstream/convert.py [--dry-run] [--no-record] [TEST...]

With no names: every test that is not yet in that form.  A test already
in it (it has <host>.console.txt) is left alone, one converted by an
earlier run whose recording failed (testparams.sh, no console) is only
recorded again, so the script can be run again whenever tests are added:
after a merge, "testing/upstream/convert.py" converts the new ones.  For each test:

  - host names stay (west, east, road, north, nic); addresses become
    upstream's topology (testing/utils/ns.sh): 192.0.2.45 -> 192.1.2.45
    west, .23 -> 192.1.2.23 east, .254 -> 192.1.2.254 nic, .209 ->
    192.1.3.209 road, .33 -> 192.1.3.33 north;
  - <host>.conf / ipsec.conf and the secrets files are what swan-prep
    copies to /etc/ipsec.conf and /etc/ipsec.secrets; config setup gets
    logfile=/tmp/pluto.log (swan-prep binds OUTPUT/<host>.pluto.log there),
    logappend=yes (a restarted pluto appends, as under swantest; swan-prep
    makes the log anew for each run) and dumpdir=/tmp;
  - the steps keep their names (NN-<host>-<what>.sh is upstream 5.2's
    numbered form, ordered by fab/scripts.py), one command a line, as
    upstream's runner types them: a host's first step begins with
    ../../guestbin/swan-prep --nokeys, "ipsec start" is followed by
    ../../guestbin/wait-until-pluto-started, harness-only ipsec
    subcommands become whack (suspend) or a helper (kill), the
    project's helpers are called as ../../guestbin/swan-* (this
    project's testing/guestbin, which copies into upstream's), and a
    command spanning lines becomes one line, run as ( set -e -o
    pipefail; ... ) so that each of its commands still counts;
  - then it is run once through testing/upstream/form.py --record (the
    patched build): every line must exit 0 and post-mortem.sh pass, and
    the sanitized consoles become <host>.console.txt.

A test that uses what has no equivalent on a libreswan guest (swan-on:
one step driving another host; swan-charon; ipsec start --build stock;
the runner's summary.txt; variables of the harness other than the ones
mapped below) is reported and left as it is: swantest runs both forms.
testing/pluto/TESTLIST.rfc5723 (upstream's TESTLIST syntax) is written
again from the tests in the new form.
"""

import argparse
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
TESTS = os.path.join(TOP, "testing", "pluto")
GUESTBIN = os.path.join(TOP, "testing", "guestbin")
TESTLIST = os.path.join(TESTS, "TESTLIST.rfc5723")
STEP_RE = re.compile(r"^(\d+)-([a-z]+)-([A-Za-z0-9_.-]+)\.sh$")
HOSTS = ("west", "east", "road", "north", "nic")
ADDRESSES = {"192.0.2.45": "192.1.2.45", "192.0.2.23": "192.1.2.23",
             "192.0.2.254": "192.1.2.254", "192.0.2.209": "192.1.3.209",
             "192.0.2.33": "192.1.3.33"}
ADDR_RE = re.compile(r"\b192\.0\.2\.(45|23|254|209|33)\b")
# harness helpers with no guestbin equivalent
UNCONVERTIBLE = {
    r"\bswan-on\b": "swan-on (a step driving another host)",
    r"\bswan-charon\b": "swan-charon (strongSwan under the harness)",
    r"\bswan-nat-router\b|\bswan-behind-nat\b": "swan-nat-router (a veth into another host's namespace)",
    r"--build\s+stock|SWAN_STOCK_PREFIX|SWAN_VARIANT": "a stock 5.2 peer",
    r"summary\.txt": "the runner's summary.txt",
    r"<<": "a here-document",
    r"\bswan-alive\s+(west|east|road|north|nic)\b": "swan-alive HOST (another host's pluto)",
    r"SWAN_PLUTO_WRAPPER|SWAN_START_TRIES|SWAN_UP_TIMEOUT(?!=[0-9]+ ipsec up)|SWAN_PREFIX|SWAN_HARNESS|SWAN_NS\b":
        "a harness variable",
    # (an exit inside an if/for block becomes false: see logical_lines)
    r"(?m)^(exit|cd)\b|^\s*cd\b|&&\s*exit\s+0\b": "exit/cd in a step (the console is one shell)",
}


def guestbin_helpers():
    return sorted(f for f in os.listdir(GUESTBIN)
                  if f.startswith("swan-") and not f.endswith(".sh"))


class Unconvertible(Exception):
    pass


def map_addresses(text):
    return ADDR_RE.sub(lambda m: ADDRESSES[m.group(0)], text)


def bash_complete(text):
    return subprocess.run(["bash", "-n", "-c", text], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def join(pieces):
    out = pieces[0]
    for p in pieces[1:]:
        if out.endswith("\\"):
            out = out[:-1].rstrip() + " " + p
        elif out[-1:] in "'\"" and out.count(out[-1]) % 2 == 1:
            # the first line of a quoted script (sh -ec '...')
            out += " " + p
        elif re.search(r"(\b(do|then|else|in)|[{|(;]|&&|\|\|)$", out):
            out += " " + p
        else:
            out += "; " + p
    return out


def logical_lines(text, fn):
    """One command a line, as upstream's runner types them."""
    lines, buf = [], []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if not buf:
                lines.append(line)
            continue
        # a tab typed into a console is readline's completion: a comment
        # after tabs goes on a line of its own, before the command
        m = re.fullmatch(r"(.*\S)\t+\s*(#[^'\"]*)", line)
        if m and bash_complete(m.group(1)) and not buf:
            lines.append(m.group(2))
            line = m.group(1)
        if "\t" in line:
            raise Unconvertible("%s: a tab in %r (a console would complete it)" % (fn, line))
        buf.append(line)
        joined = join(buf)
        if bash_complete(joined):
            # "exit N" in a block ends a step under swantest; on the
            # console it would end the shell: false fails the line
            # (form.py and upstream's console see its status)
            joined = re.sub(r"(^|[;{]\s*|\bthen\s+|\belse\s+|\bdo\s+)exit\s+[1-9][0-9]*\b",
                            r"\1false", joined) if re.match(r"(if|for|while|until)\b", joined) else joined
            if len(buf) > 1:
                # each command of it counts, as it did under bash -e (a
                # function is defined in the console's shell, and
                # its body runs where it is called)
                if not re.match(r"[A-Za-z_][A-Za-z0-9_]*\(\)\s*\{", joined):
                    joined = "( set -e -o pipefail; %s )" % joined
                if not bash_complete(joined):
                    raise Unconvertible("%s: cannot join %r" % (fn, buf[0]))
            lines.append(joined)
            buf = []
    if buf:
        raise Unconvertible("%s: incomplete command at %r" % (fn, buf[0]))
    return lines


def convert_line(line, test, host, helpers):
    if line.startswith("#"):
        return [map_addresses(line)]
    # "CMD && exit 1": CMD must fail; "! CMD" says so on the console (and
    # keeps an assignment in CMD in the console's shell)
    m = re.fullmatch(r"(?!\()(.*\S)\s*&&\s*exit\s+[1-9][0-9]*", line)
    if m and not re.search(r"&&|\|\||;", m.group(1)):
        line = "! " + m.group(1)
    line = map_addresses(line)
    for h in HOSTS:
        line = line.replace("$SWAN_ADDR_" + h, ADDRESSES_BY_HOST[h])
        line = line.replace("${SWAN_ADDR_%s}" % h, ADDRESSES_BY_HOST[h])
    line = line.replace("$SWAN_HOSTDIR/ipsec.conf", "/etc/ipsec.conf")
    line = line.replace("$SWAN_HOSTDIR/pluto.log", "/tmp/pluto.log")
    # pluto's NSS password file: where the guest's pluto looks for it
    line = line.replace("$SWAN_HOSTDIR/nsspassword", "/etc/ipsec.d/nsspassword")
    line = re.sub(r"\$SWAN_HOSTDIR/nss\b", "/etc/ipsec.d", line)
    line = re.sub(r"\$SWAN_HOSTDIR/", "/tmp/", line)
    # this host's NSS DB is swan-prep's; another host's is not reachable
    for m in re.finditer(r"\$\{?SWAN_RUNDIR\}?/(%s)/nss\b" % "|".join(HOSTS), line):
        if m.group(1) != host:
            raise Unconvertible("%s: %s's NSS DB from another host" % (host, m.group(1)))
    line = re.sub(r"\$\{?SWAN_RUNDIR\}?/%s/nss\b" % host, "/etc/ipsec.d", line)
    line = re.sub(r'"\$SWAN_RUNDIR"/%s/nss\b' % host, "/etc/ipsec.d", line)
    line = re.sub(r"\$SWAN_RUNDIR/(%s)/" % "|".join(HOSTS), r"OUTPUT/\1.", line)
    line = line.replace("$SWAN_RUNDIR/", "OUTPUT/")
    line = line.replace("$SWAN_TESTDIR", "/testing/pluto/" + test)
    line = line.replace("$SWAN_HOST", "$(hostname)")
    # upstream's ipsec up has no bound of its own
    line = re.sub(r"\bSWAN_UP_TIMEOUT=([0-9]+) ipsec up\b", r"timeout \1 ipsec up", line)
    m = re.search(r"\$\{?SWAN_[A-Za-z_]+", line)
    if m:
        raise Unconvertible("%s: harness variable %s" % (host, m.group(0)))
    for h in helpers:
        line = re.sub(r"(^|[;|&({]\s*|\$\(\s*|`|\bthen\s+|\bdo\s+|\belse\s+|!\s+)%s\b" % re.escape(h),
                      r"\1../../guestbin/" + h, line)
    line = re.sub(r"\bipsec suspend ", "ipsec whack --suspend --name ", line)
    line = re.sub(r"\bipsec kill\b", "../../guestbin/swan-kill", line)
    # the harness's stop and restart take whack --shutdown's options
    # (--leave-state, --delete-resumable), upstream's do not
    line = re.sub(r"\bipsec stop((?: --[a-z-]+)+)", r"ipsec whack --shutdown\1", line)
    m = re.fullmatch(r"ipsec restart((?: --[a-z-]+)+)", line)
    if m:
        return ["ipsec whack --shutdown" + m.group(1), "ipsec start",
                "../../guestbin/wait-until-pluto-started"]
    m = re.fullmatch(r"ipsec (add|delete) ([A-Za-z0-9_-]+(?: [A-Za-z0-9_-]+)+)", line)
    if m:
        # the harness's ipsec add/delete take several names, upstream's one
        return ["ipsec %s %s" % (m.group(1), n) for n in m.group(2).split()]
    out = [line]
    if re.fullmatch(r"ipsec (start|restart)", line) or (
            re.search(r"\bipsec (start|restart)\b", line) and not re.search(r"\b(if|while|until|!)\s", line)):
        out.append("../../guestbin/wait-until-pluto-started")
    return out


ADDRESSES_BY_HOST = {"west": "192.1.2.45", "east": "192.1.2.23", "nic": "192.1.2.254",
                     "road": "192.1.3.209", "north": "192.1.3.33"}

TESTPARAMS = """#!/bin/sh
. ../../default-testparams.sh
# the series' session resumption lines (testing/sanitizers/)
REF_CONSOLE_FIXUPS="$REF_CONSOLE_FIXUPS rfc5723-sanitize.sed"
"""

SETUP = ("\tlogfile=/tmp/pluto.log\n\tlogappend=yes\n\tdumpdir=/tmp\n")


def convert_conf(text):
    text = map_addresses(text)
    # the host's directory is the guest's /tmp ($SWAN_HOSTDIR/ in a step
    # becomes /tmp/ too), its NSS DB swan-prep's /etc/ipsec.d
    text = text.replace("@HOSTDIR@/nss", "/etc/ipsec.d").replace("@HOSTDIR@", "/tmp")
    text = re.sub(r"(?m)^\s*(logfile|logappend|dumpdir)=.*\n", "", text)
    if re.search(r"(?m)^config setup\s*$", text):
        text = re.sub(r"(?m)^config setup\s*\n", "config setup\n" + SETUP, text, count=1)
    else:
        text = "config setup\n" + SETUP + "\n" + text
    return text


def guests_of(fn):
    """Which hosts upstream's fab/scripts.py runs a script on (a regular
    expression search of each guest name in the file name)."""
    return {h for h in HOSTS if re.search(h, fn)}


def convert(test, dry_run):
    d = os.path.join(TESTS, test)
    files = sorted(os.listdir(d))
    steps = [f for f in files if STEP_RE.match(f)]
    if not steps:
        raise Unconvertible("no NN-host-what.sh steps")
    texts = {f: open(os.path.join(d, f)).read() for f in files
             if os.path.isfile(os.path.join(d, f))}
    for f, t in texts.items():
        if f.endswith((".sh", ".conf", ".secrets", ".in")):
            for pat, why in UNCONVERTIBLE.items():
                if re.search(pat, t):
                    raise Unconvertible("%s: %s" % (f, why))
    for f in steps:
        host = STEP_RE.match(f).group(2)
        if host in ("north", "road") and re.search(r"\bip addr(ess)? add 192\.0\.2\.", texts[f]):
            # our hosts share one LAN; upstream's north and road are on
            # 192.1.3.0/24, behind nic
            raise Unconvertible("%s: %s takes an address of west's and east's LAN" % (f, host))
    helpers = guestbin_helpers()
    new = {}
    renames = {}
    seen = set()
    for f in files:
        if f.endswith(".sh") and not STEP_RE.match(f) and guests_of(f):
            raise Unconvertible("%s: a helper script upstream's runner would run" % f)
    for f in steps:
        nr, host, what = STEP_RE.match(f).groups()
        name = f
        others = guests_of(f) - {host}
        if others:
            # upstream runs a script on every host its name contains
            for o in others:
                what = what.replace(o, o.capitalize())
            name = "%s-%s-%s.sh" % (nr, host, what)
            if guests_of(name) != {host}:
                raise Unconvertible("%s: host names in the step's name" % f)
            renames[f] = name
        lines = []
        if host not in seen:
            seen.add(host)
            if host != "nic":
                lines.append("../../guestbin/swan-prep --nokeys")
        for l in logical_lines(texts[f], f):
            lines += convert_line(l, test, host, helpers)
        new[name] = "\n".join(lines) + "\n"
    for f in files:
        if f in steps or f not in texts or f in ("description.txt", "introduced-by", "requires"):
            continue
        whole = re.match(r"\s*(#.*\n\s*)*config setup", texts[f])
        if f.endswith(".conf") or whole:
            # a host's configuration, or one a step copies to
            # /etc/ipsec.conf (.conf.in, .cfg): the guest's logfile=
            new[f] = convert_conf(texts[f])
        elif not f.endswith((".c", ".py")):
            # secrets, helper scripts, nft rules, other configurations
            new[f] = map_addresses(texts[f])
    # upstream's sanitizers, and this project's for the series' lines
    new["testparams.sh"] = TESTPARAMS
    if dry_run:
        for f, t in sorted(new.items()):
            print("--- %s/%s%s" % (test, f, " (was %s)" % [k for k, v in renames.items() if v == f][0]
                                   if f in renames.values() else ""))
            print(t, end="")
        return
    for old in renames:
        os.unlink(os.path.join(d, old))
    for f, t in new.items():
        with open(os.path.join(d, f), "w") as out:
            out.write(t)
        if f.endswith(".sh"):
            os.chmod(os.path.join(d, f), 0o755 if os.access(os.path.join(d, f), os.X_OK) else 0o644)


def requires(test):
    p = os.path.join(TESTS, test, "requires")
    return open(p).read().split() if os.path.exists(p) else []


def record_in_vm(tests, flags):
    """Tests that need ESP: recorded in the VM tier's guest (Debian's
    kernel), their consoles copied back from what the guest brought."""
    out = os.path.join(TOP, "build", "tests", "form-vm.%d" % os.getpid())
    subprocess.run(["rm", "-rf", out])
    r = subprocess.run([os.path.join(TOP, "testing", "vm", "vm.sh"), "run", "-t",
                        str(180 + 600 * len(tests)), "-o", out,
                        os.path.join(TOP, "testing", "vm", "guest-form.sh"), "--record"]
                       + flags + tests, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(r.stdout, end="", flush=True)
    for t in tests:
        if not re.search(r"^recorded %s: " % re.escape(t), r.stdout, re.M):
            continue
        for c in glob.glob(os.path.join(out, t, "OUTPUT", "*.console.txt")):
            h = os.path.basename(c).split(".")[0]
            if h in HOSTS:
                subprocess.run(["cp", c, os.path.join(TESTS, t, h + ".console.txt")], check=True)


def write_testlist():
    tests = sorted(t for t in os.listdir(TESTS)
                   if glob.glob(os.path.join(TESTS, t, "*.console.txt")))
    with open(TESTLIST, "w") as f:
        f.write("# This project's tests (RFC 5723 session resumption and pluto fixes)\n"
                "# in libreswan's form; append to testing/pluto/TESTLIST.\n"
                "# test-kind\tdirectory-containing-test\texpectation\t[PR#] # comment\n\n")
        for t in tests:
            f.write("kvmplutotest\t%s\tgood\n" % t)
    return tests


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="print the converted files")
    ap.add_argument("--no-record", action="store_true", help="do not run form.py --record")
    ap.add_argument("--form-flags", default="", help="more flags for form.py")
    ap.add_argument("tests", nargs="*")
    args = ap.parse_args()
    tests = args.tests or sorted(
        t for t in os.listdir(TESTS) if os.path.exists(os.path.join(TESTS, t, "description.txt")))
    converted, skipped = [], []
    for t in tests:
        if glob.glob(os.path.join(TESTS, t, "*.console.txt")):
            continue
        if os.path.exists(os.path.join(TESTS, t, "testparams.sh")):
            # converted by an earlier run whose recording failed: only
            # record it again (converting twice would prepend a second
            # swan-prep)
            print("convert: %s: converted already, recording it" % t, flush=True)
            converted.append(t)
            continue
        try:
            convert(t, args.dry_run)
            converted.append(t)
        except Unconvertible as e:
            skipped.append((t, str(e)))
            print("convert: %s: left as it is: %s" % (t, e), flush=True)
    if args.dry_run:
        return 0
    failed = []
    esp = [t for t in converted if "esp" in requires(t)]
    host = [t for t in converted if t not in esp]
    if host and not args.no_record:
        subprocess.run([sys.executable, os.path.join(HERE, "form.py"), "--record"]
                       + args.form_flags.split() + host)
    if esp and not args.no_record:
        record_in_vm(esp, args.form_flags.split())
    failed = [t for t in converted if not glob.glob(os.path.join(TESTS, t, "*.console.txt"))]
    for t in converted:
        print("convert: %s: %s" % (t, "FAILED to record (fix it, or git checkout it)"
                                   if t in failed else "converted"))
    write_testlist()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
