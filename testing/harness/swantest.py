#!/usr/bin/python3
"""Run pluto tests in libreswan's testing/pluto/<name>/ layout, each host
in a network namespace of its own, with the plutos of one install prefix.

A test directory holds:
  description.txt        what the test shows (first line: title)
  ipsec.conf             shared by all hosts (left/right picked by address),
  <host>.conf            or per host
  ipsec.secrets, <host>.secrets
  NN-<host>-<what>.sh    steps, run in NN order inside <host>'s namespace
                         with bash -e; a failing command fails the test;
                         what a step writes to $SWAN_RUNDIR/summary.txt is
                         printed under the test's PASS line
  requires               optional; words naming what the test needs.
                         "esp": Child SAs must carry packets, which the
                         host kernel cannot do, so the test runs in the VM
                         tier (testing/vm/): one qemu guest booting Debian's
                         kernel runs all such tests with this same runner.
                         "stock": some host runs stock 5.2 (ipsec start
                         --build stock), built by make stock.

Every host gets its own namespace, plugged into a bridge in a further
namespace; its address is ADDRESSES[host] and exists only in there.  The
steps see the harness commands (ipsec, swan-log, swan-alive, ...) on PATH
and SWAN_* variables.  After the steps, every pluto that was started and
not deliberately stopped must still be running, must not have logged an
assertion or expectation failure, and must shut down without leaks; and
no pluto of the test may have ended by a signal (other than the SIGKILL
of `ipsec kill`) or left a core file: each such pluto fails the test,
named with its signal.

A test in libreswan's own form (it has <host>.console.txt: see
testing/upstream/convert.py) is run by testing/upstream/form.py the way
libreswan's runner runs it (upstream's addresses, guestbin, post-mortem
and sanitizers), and fails if any line of a step exits non-zero, if
post-mortem.sh finds a problem, if a pluto log holds an assertion or
expectation failure, or if a sanitized console differs from the
recorded one (not compared for the stock build or a prefix of the
series, whose output differs by design).

Whatever happens (failure, timeout, Ctrl-C), every process in the test's
namespaces is killed and the namespaces are deleted.  The last line is
"N passed, M failed".
"""

import argparse
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HARNESS = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HARNESS))
TESTS_DIR = os.path.join(TOP, "testing", "pluto")
SELFTEST_DIR = os.path.join(TOP, "testing", "selftest")
UNIT_DIR = os.path.join(TOP, "testing", "unit")
VM_RUNNER = os.path.join(TOP, "testing", "vm", "vm.sh")
VM_GUEST = os.path.join(TOP, "testing", "vm", "guest-swantest.sh")
FORM_RUNNER = os.path.join(TOP, "testing", "upstream", "form.py")
# a test in libreswan's form: all its hosts' steps and post-mortem
FORM_TIMEOUT = 900

# Test host addresses: TEST-NET-1 (RFC 5737), only ever configured inside
# the namespaces a test creates.
SUBNET_BITS = 24
ADDRESSES = {
    "west": "192.0.2.45",
    "east": "192.0.2.23",
    "road": "192.0.2.209",
    "north": "192.0.2.33",
    "nic": "192.0.2.254",
}
NS_PREFIX = "swt"
STEP_RE = re.compile(r"^(\d+)-([a-z]+)-([A-Za-z0-9_.-]+)\.sh$")
# Lines a healthy pluto never logs, whatever the peer sends.
BAD_LOG_RE = re.compile(r"ASSERTION FAILED|EXPECTATION FAILED|SIGSEGV|"
                        r"leak detective found [1-9]")
# a core file in a host's directory (pluto's --dumpdir), whatever
# kernel.core_uses_pid says
CORE_RE = re.compile(r"^core(\.\d+)?$")
STEP_TIMEOUT = 120
SHUTDOWN_TIMEOUT = 20
# a selftest may build the tree once per patch: series-bisect's 46
# builds took 866 s and more than 900 s on 2 cores with 45 patches
SELFTEST_TIMEOUT = 1800
# in a script's header: it runs alongside the namespace tests (ScriptTest)
ALONGSIDE_MARK = "# swantest: alongside the namespace tests"
# the VM tier: boot and module loading, then per test at TCG speed (a
# two-pluto test takes 30-60 s in the guest)
VM_BOOT_TIMEOUT = 120
VM_TEST_TIMEOUT = 240
# a test in libreswan's form: swan-prep, the sanitizers, post-mortem.sh
# at TCG speed (ikev2-resume-esp-psk: about 240 s)
VM_FORM_TEST_TIMEOUT = 600
REQUIREMENTS = {"esp", "stock"}
STOCK_PREFIX = os.path.join(TOP, "build", "stock", "inst")


class TestFailure(Exception):
    pass


def run(cmd, check=True, **kw):
    return subprocess.run(cmd, check=check, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, **kw)


def swantest_switches():
    return {k: v for k, v in os.environ.items() if k.startswith("SWANTEST_")}


def pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def netns_list():
    out = run(["ip", "netns", "list"], check=False).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def netns_kill_and_delete(ns):
    """Kill every process in NS, then delete it."""
    for attempt in range(50):
        pids = [int(p) for p in run(["ip", "netns", "pids", ns],
                                    check=False).stdout.split()]
        pids = [p for p in pids if p != os.getpid()]
        if not pids:
            break
        for p in pids:
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.1)
    run(["ip", "netns", "del", ns], check=False)


def reap_stale_namespaces():
    """Namespaces of an earlier run that was itself killed."""
    for ns in netns_list():
        m = re.match(NS_PREFIX + r"(\d+)-", ns)
        if m and not pid_alive(int(m.group(1))):
            print(f"swantest: removing namespace {ns} left by a dead run")
            netns_kill_and_delete(ns)


def signalled_plutos(host, hd):
    """Every pluto of HOST that ended by a signal, from the lines
    swan-pluto-run appends to pluto.status ("PID killed by SIGSEGV (core
    dumped)"), less the SIGKILLs of `ipsec kill` (pluto.killed), and
    every core file in the host's directory (pluto's --dumpdir) of a
    host that ran no stock 5.2 peer."""
    def pids(fn):
        p = os.path.join(hd, fn)
        return set(open(p).read().split()) if os.path.exists(p) else set()
    killed = pids("pluto.killed")
    # a stock 5.2 peer (ipsec start --build stock) in a test of the
    # series that crashed while ipsec stop shut it down: the crash
    # patch 0045 fixes is not the test's failure (ipsec stop notes it)
    stock_peer = pids("pluto.stock-shutdown-crash")
    problems = []
    p = os.path.join(hd, "pluto.status")
    if os.path.exists(p):
        for line in open(p, errors="replace"):
            pid, _, how = line.strip().partition(" ")
            if not how.startswith("killed by "):
                continue
            if how == "killed by SIGKILL" and pid in killed:
                continue
            if pid in stock_peer:
                continue
            problems.append(f"pluto on {host} (pid {pid}) {how}")
    for fn in sorted(os.listdir(hd)):
        if CORE_RE.match(fn) and not stock_peer:
            problems.append(f"pluto on {host} left a core file: "
                            f"{os.path.join(hd, fn)}")
    return problems


class Test:
    def __init__(self, tests_dir, name):
        self.name = name
        self.dir = os.path.join(tests_dir, name)
        with open(os.path.join(self.dir, "description.txt")) as f:
            self.title = f.readline().strip()
        self.steps = []
        hosts = set()
        for fn in sorted(os.listdir(self.dir)):
            m = STEP_RE.match(fn)
            if m:
                self.steps.append((int(m.group(1)), m.group(2), fn))
                hosts.add(m.group(2))
            elif fn.endswith(".conf") and fn != "ipsec.conf":
                hosts.add(fn[:-len(".conf")])
        self.steps.sort()
        self.hosts = sorted(hosts)
        self.requires = set()
        req = os.path.join(self.dir, "requires")
        if os.path.exists(req):
            self.requires = set(open(req).read().split())
        unknown = self.requires - REQUIREMENTS
        if unknown:
            raise TestFailure(f"{name}: unknown requirement(s) {sorted(unknown)}")
        self.tier = "vm" if "esp" in self.requires else "host"
        # libreswan's own form: run by testing/upstream/form.py
        self.upstream_form = any(fn.endswith(".console.txt") for fn in os.listdir(self.dir))
        for h in self.hosts:
            if h not in ADDRESSES:
                raise TestFailure(f"{name}: unknown host {h}")
        if not self.steps:
            raise TestFailure(f"{name}: no NN-host-what.sh steps")


class Runner:
    def __init__(self, args):
        self.prefix = os.path.abspath(args.prefix)
        # "ipsec start --build patched" in a stock run is still stock
        self.patched_prefix = (self.prefix if args.variant == "patched"
                               else os.path.join(TOP, "build", "inst"))
        self.variant = args.variant
        self.keep = args.keep
        self.verbose = args.verbose
        self.work = os.path.join(TOP, "build", "tests", self.variant)
        # in the guest: where each test's directory is copied for the host
        self.collect = args.collect
        # make check-bisect: a build of the series' first N patches
        self.series_prefix = args.series_prefix
        self.installed = args.installed
        self.interrupted = False
        self.ns = []

    def check_prefix(self):
        pluto = os.path.join(self.prefix, "libexec", "ipsec", "pluto")
        if not os.access(pluto, os.X_OK):
            sys.exit(f"swantest: no pluto in {self.prefix} (run make build)")
        if self.installed:
            # a distribution package's files (testing/vm/deb-install-upgrade.sh):
            # built by dpkg-buildpackage or rpmbuild from the packagers'
            # series, not here, so there is no stamp to compare
            version = run([pluto, "--version"], check=False).stdout.strip()
            print(f"swantest: {self.variant} build, {version.splitlines()[0]}, "
                  f"installed prefix {self.prefix} (a package's files)")
            return
        stamp_file = os.path.join(self.prefix, ".series-stamp")
        stamp = [os.path.join(TOP, "mk", "series-stamp.sh"), self.variant]
        if self.series_prefix is not None:
            stamp.append(str(self.series_prefix))
        want = run(stamp).stdout.strip()
        have = open(stamp_file).read().strip() if os.path.exists(stamp_file) else ""
        if have != want:
            sys.exit(f"swantest: {self.prefix} is stale or incomplete: it was "
                     f"not built from the current sources (run make build)")
        version = run([pluto, "--version"], check=False).stdout.strip()
        print(f"swantest: {self.variant} build, {version.splitlines()[0]}, "
              f"prefix {self.prefix}")

    # --- network -------------------------------------------------------

    def make_network(self, test, idx):
        tag = f"{NS_PREFIX}{os.getpid()}-{idx}"
        bridge_ns = f"{tag}-lan"
        self.ns = [bridge_ns]
        run(["ip", "netns", "add", bridge_ns])
        run(["ip", "-n", bridge_ns, "link", "add", "br0", "type", "bridge"])
        run(["ip", "-n", bridge_ns, "link", "set", "br0", "up"])
        host_ns = {}
        for h in test.hosts:
            ns = f"{tag}-{h}"
            self.ns.append(ns)
            host_ns[h] = ns
            run(["ip", "netns", "add", ns])
            run(["ip", "-n", ns, "link", "set", "lo", "up"])
            run(["ip", "-n", ns, "link", "add", "eth0", "type", "veth",
                 "peer", "name", f"p-{h}", "netns", bridge_ns])
            run(["ip", "-n", bridge_ns, "link", "set", f"p-{h}",
                 "master", "br0", "up"])
            run(["ip", "-n", ns, "addr", "add",
                 f"{ADDRESSES[h]}/{SUBNET_BITS}", "dev", "eth0"])
            run(["ip", "-n", ns, "link", "set", "eth0", "up"])
        return host_ns

    def teardown_network(self):
        for ns in self.ns:
            netns_kill_and_delete(ns)
        self.ns = []

    # --- hosts ---------------------------------------------------------

    def prepare_host(self, test, workdir, host):
        hd = os.path.join(workdir, host)
        os.makedirs(os.path.join(hd, "run"))
        os.makedirs(os.path.join(hd, "nss"))
        for want, fallback in ((f"{host}.conf", "ipsec.conf"),
                               (f"{host}.secrets", "ipsec.secrets")):
            dst = os.path.join(hd, fallback)
            for src in (want, fallback):
                p = os.path.join(test.dir, src)
                if os.path.exists(p):
                    # @HOSTDIR@: this host's directory, for paths in configs
                    with open(p) as f, open(dst, "w") as out:
                        out.write(f.read().replace("@HOSTDIR@", hd))
                    break
            else:
                open(dst, "w").close()
        os.chmod(os.path.join(hd, "ipsec.secrets"), 0o600)
        run(["certutil", "-N", "-d", "sql:" + os.path.join(hd, "nss"),
             "--empty-password"])
        return hd

    def env_for(self, test, workdir, host):
        env = {
            "PATH": ":".join([os.path.join(HARNESS, "bin"),
                              os.path.join(self.prefix, "sbin"),
                              "/usr/sbin", "/usr/bin", "/sbin", "/bin"]),
            "HOME": workdir,
            "LANG": "C.UTF-8",
            "SWAN_PREFIX": self.prefix,
            "SWAN_PATCHED_PREFIX": self.patched_prefix,
            "SWAN_STOCK_PREFIX": STOCK_PREFIX,
            "SWAN_VARIANT": self.variant,
            "SWAN_HOST": host,
            "SWAN_HOSTDIR": os.path.join(workdir, host),
            "SWAN_RUNDIR": workdir,
            "SWAN_TESTDIR": test.dir,
            "SWAN_HARNESS": HARNESS,
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        for h, a in ADDRESSES.items():
            env[f"SWAN_ADDR_{h}"] = a
        # switches a person running the tests sets (SWANTEST_IMPAIR_ESP)
        env.update(swantest_switches())
        return env

    def write_host_env(self, test, workdir, host_ns, host):
        """For swan-on: another host's step environment, and namespace."""
        env = dict(self.env_for(test, workdir, host), SWAN_NS=host_ns[host])
        with open(os.path.join(workdir, host, "swan.env"), "w") as f:
            for k, v in sorted(env.items()):
                f.write(f"export {k}={shlex.quote(v)}\n")

    def run_step(self, test, workdir, host_ns, step):
        nr, host, fn = step
        out_path = os.path.join(workdir, fn[:-3] + ".out")
        with open(out_path, "w") as out:
            proc = subprocess.Popen(
                ["ip", "netns", "exec", host_ns[host], "bash", "-e", "-o",
                 "pipefail", "-x", os.path.join(test.dir, fn)],
                cwd=os.path.join(workdir, host), stdin=subprocess.DEVNULL,
                stdout=out, stderr=subprocess.STDOUT,
                env=self.env_for(test, workdir, host), start_new_session=True)
            try:
                rc = proc.wait(timeout=STEP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise TestFailure(f"step {fn} timed out after {STEP_TIMEOUT}s")
            finally:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
        if self.verbose:
            for line in open(out_path, errors="replace").read().splitlines():
                if line.startswith("+ : "):
                    # ': "text"' in a step is narration
                    print("\n" + line[4:].strip("'\""))
                elif line.startswith("+ "):
                    print(f"{host}# {line[2:]}")
                else:
                    print(f"  {line}")
            sys.stdout.flush()
        if rc != 0:
            tail = open(out_path).read().splitlines()[-6:]
            raise TestFailure(f"step {fn} exited {rc}:\n        "
                              + "\n        ".join(tail))

    def post_checks(self, test, workdir, host_ns):
        """Plutos still running, no assertion, clean shutdown, no leak,
        no pluto ended by a signal, no core file."""
        problems = []
        for host in test.hosts:
            hd = os.path.join(workdir, host)
            if not os.path.exists(os.path.join(hd, "started")):
                continue
            log = os.path.join(hd, "pluto.log")
            if not os.path.exists(os.path.join(hd, "stopped")):
                try:
                    pid = int(open(os.path.join(hd, "run", "pluto.pid")).read())
                except (OSError, ValueError):
                    pid = None
                if pid is None or not pid_alive(pid):
                    # signalled_plutos() below names the signal
                    problems.append(f"pluto on {host} died during the test")
                else:
                    r = subprocess.run(
                        ["ip", "netns", "exec", host_ns[host],
                         os.path.join(HARNESS, "bin", "ipsec"), "stop"],
                        env=self.env_for(test, workdir, host),
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                        text=True, timeout=SHUTDOWN_TIMEOUT + 10)
                    if r.returncode != 0:
                        problems.append(f"pluto on {host} did not shut down: "
                                        f"{r.stdout.strip()}")
            if os.path.exists(log):
                for line in open(log, errors="replace"):
                    if BAD_LOG_RE.search(line):
                        problems.append(f"{host} pluto.log: {line.strip()}")
            problems += signalled_plutos(host, hd)
        if problems:
            raise TestFailure("; ".join(problems))

    def run_form_test(self, test):
        """A test in libreswan's own form, through testing/upstream/form.py:
        (ok, why, seconds)."""
        start = time.monotonic()
        cmd = [sys.executable, FORM_RUNNER, "--prefix", self.prefix,
               "--tests-dir", os.path.dirname(test.dir),
               "--work", os.path.join(self.work, "form")]
        if self.variant != "patched" or self.series_prefix is not None:
            # stock 5.2 and a prefix of the series say other things
            cmd.append("--no-console")
        if self.keep or self.collect:
            cmd.append("--keep")
        if self.collect:
            cmd += ["--collect", self.collect]
        # a process group of its own, stopped with SIGTERM first: form.py
        # then tears its namespaces down (a SIGKILL would leave them)
        proc = subprocess.Popen(cmd + [test.name], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, process_group=0)
        try:
            out, _ = proc.communicate(timeout=FORM_TIMEOUT)
        except subprocess.TimeoutExpired:
            out = f"FAIL {test.name}: timed out after {FORM_TIMEOUT}s"
        finally:
            stop_group(proc)
        secs = time.monotonic() - start
        if self.verbose:
            print(out, end="", flush=True)
        if re.search(r"^PASS " + re.escape(test.name) + r" ", out, re.M):
            return True, "", secs
        m = re.search(r"^FAIL " + re.escape(test.name) + r"(?: \([0-9.]+s\))?: (.*)", out, re.M | re.S)
        return False, (m.group(1).strip() if m else out.strip()[-2000:]), secs

    def run_test(self, test, idx):
        if test.upstream_form:
            ok, why, secs = self.run_form_test(test)
            tag = " [libreswan form]"
            if ok:
                print(f"PASS {test.name} ({secs:.1f}s){tag}", flush=True)
            else:
                print(f"FAIL {test.name} ({secs:.1f}s){tag}: {why}", flush=True)
            return ok
        workdir = os.path.join(self.work, test.name)
        shutil.rmtree(workdir, ignore_errors=True)
        os.makedirs(workdir)
        start = time.monotonic()
        try:
            if "stock" in test.requires and not os.access(
                    os.path.join(STOCK_PREFIX, "libexec", "ipsec", "pluto"),
                    os.X_OK):
                raise TestFailure(f"needs the stock build in {STOCK_PREFIX}"
                                  " (make stock)")
            host_ns = self.make_network(test, idx)
            for host in test.hosts:
                self.prepare_host(test, workdir, host)
                self.write_host_env(test, workdir, host_ns, host)
            for step in test.steps:
                self.run_step(test, workdir, host_ns, step)
            self.post_checks(test, workdir, host_ns)
            ok, why = True, ""
        except TestFailure as e:
            ok, why = False, str(e)
        except subprocess.CalledProcessError as e:
            ok, why = False, f"harness command failed: {e.cmd}: {e.stdout}"
        except KeyboardInterrupt:
            self.interrupted = True
            ok, why = False, "interrupted"
        finally:
            self.teardown_network()
        if not ok:
            # a step failed before post_checks(): still name every
            # pluto that ended by a signal
            for host in test.hosts:
                hd = os.path.join(workdir, host)
                for p in signalled_plutos(host, hd) if os.path.isdir(hd) else []:
                    if p not in why:
                        why += "; " + p
        secs = time.monotonic() - start
        if self.collect:
            # the guest's writes vanish at power-off; the host keeps
            # these, passed or failed (they hold the ESP counters checked)
            shutil.copytree(workdir, os.path.join(self.collect, test.name),
                            symlinks=True, ignore_dangling_symlinks=True,
                            dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("nss", "*.ctl"))
            workdir = os.path.join(self.vm_logs(), test.name)
        summary = os.path.join(workdir, "summary.txt")
        if ok:
            print(f"PASS {test.name} ({secs:.1f}s)", flush=True)
            if os.path.exists(summary):
                # a table the test wants seen (the interop matrix)
                for line in open(summary, errors="replace"):
                    print("     " + line.rstrip(), flush=True)
            if not self.keep and not self.collect:
                shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"FAIL {test.name} ({secs:.1f}s): {why}", flush=True)
            print(f"     logs: {workdir}", flush=True)
        return ok


    # --- VM tier -------------------------------------------------------

    def vm_logs(self):
        return os.path.join(self.work, "vm")

    def run_vm_tier(self, tests):
        """Boot one guest, run every test that needs ESP in it with this
        runner, and report each as if it had run here.  Any test the
        guest did not report (boot failure, timeout, crash) failed."""
        names = [t.name for t in tests]
        timeout = VM_BOOT_TIMEOUT + sum(VM_FORM_TEST_TIMEOUT if t.upstream_form
                                        else VM_TEST_TIMEOUT for t in tests)
        logs = self.vm_logs()
        shutil.rmtree(logs, ignore_errors=True)
        print(f"swantest: VM tier: {len(tests)} test(s) in one qemu guest "
              f"(timeout {timeout}s)", flush=True)
        cmd = [VM_RUNNER, "run", "-t", str(timeout), "-o", logs]
        for k, v in swantest_switches().items():
            cmd += ["-e", f"{k}={v}"]
        cmd += [VM_GUEST,
               "--prefix", self.prefix, "--variant", self.variant]
        if self.keep:
            cmd.append("--keep")
        if self.verbose:
            cmd.append("--verbose")
        proc = subprocess.Popen(cmd + names, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        results = {}
        try:
            for line in proc.stdout:
                m = re.match(r"^(PASS|FAIL) (\S+) \(", line)
                if m and m.group(2) in names:
                    results[m.group(2)] = m.group(1) == "PASS"
                    line = line.replace(m.group(2), m.group(2) + " [vm]", 1)
                    line = line.replace(os.path.join(self.work, m.group(2)),
                                        os.path.join(logs, m.group(2)))
                elif re.match(r"^\d+ passed, \d+ failed", line):
                    continue
                print(line, end="", flush=True)
            rc = proc.wait()
        except KeyboardInterrupt:
            # vm.sh kills its qemu on SIGTERM
            proc.terminate()
            proc.wait()
            self.interrupted = True
            rc = -1
        passed = failed = 0
        for n in names:
            if results.get(n):
                passed += 1
            else:
                failed += 1
                if n not in results:
                    print(f"FAIL {n} [vm]: the guest did not report it "
                          f"(vm.sh exited {rc}); console: {logs}/console.log",
                          flush=True)
        return passed, failed


def stop_group(proc, grace=30):
    """Stop the process group PROC leads: SIGTERM, then after GRACE
    seconds SIGKILL.  Nothing if it has ended."""
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, None)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.communicate(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            pass


class ScriptTest:
    """A host-level script: a check of the build pipeline itself
    (selftest/) or a unit test of the series' new code (unit/).

    One whose header has ALONGSIDE_MARK only compiles (series-bisect's
    builds of the series' prefixes): it is started first, at nice 19, in
    a process group of its own but not a session (a session would be an
    autogroup of its own, which nice does not reach), and runs while the
    namespace tests wait on their timers and packets.  Its result is
    collected before the VM tier, whose TCG guest needs the CPU."""

    def __init__(self, kind, path, prefix):
        self.name = kind + "/" + os.path.basename(path)[:-len(".sh")]
        self.path = path
        self.prefix = prefix
        with open(path) as f:
            self.alongside = ALONGSIDE_MARK in f.read(4096)
        self.proc = None
        self.out = None

    def start(self):
        self.begun = time.monotonic()
        env = dict(os.environ, SWAN_TOP=TOP, SWAN_PREFIX=self.prefix)
        cmd = ["bash", "-e", "-o", "pipefail", self.path]
        if self.alongside:
            cmd = ["nice", "-n", "19"] + cmd
            print(f"START {self.name}: alongside the namespace tests, at nice 19",
                  flush=True)
        # a file, not a pipe: nobody reads it until the script ends
        self.out = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL,
                                     stdout=self.out, stderr=subprocess.STDOUT,
                                     text=True, process_group=0)

    def stop(self):
        """Stop the script and all it started (a timeout, Ctrl-C)."""
        if self.proc:
            stop_group(self.proc, grace=5)

    def finish(self):
        """Wait for the script, print PASS or FAIL, and return ok."""
        left = SELFTEST_TIMEOUT - (time.monotonic() - self.begun)
        try:
            ok = self.proc.wait(timeout=max(left, 0)) == 0
            self.out.seek(0)
            out = self.out.read()
        except subprocess.TimeoutExpired:
            ok, out = False, f"timed out after {SELFTEST_TIMEOUT}s"
        finally:
            self.stop()
            self.out.close()
        secs = time.monotonic() - self.begun
        if ok:
            print(f"PASS {self.name} ({secs:.1f}s)", flush=True)
        else:
            tail = "\n        ".join(str(out).splitlines()[-8:])
            print(f"FAIL {self.name} ({secs:.1f}s):\n        {tail}", flush=True)
        return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prefix", required=True,
                    help="install prefix whose pluto is tested")
    ap.add_argument("--variant", default="patched", choices=["patched", "stock"])
    ap.add_argument("--keep", action="store_true",
                    help="keep the logs of passing tests too")
    ap.add_argument("--verbose", action="store_true",
                    help="print every step's commands and output")
    ap.add_argument("--tests-dir", default=TESTS_DIR,
                    help="directory holding the test directories")
    ap.add_argument("--list", action="store_true", help="list the tests")
    ap.add_argument("--skip-vm", action="store_true",
                    help="do not run the VM tier (its tests print SKIP)")
    ap.add_argument("--series-prefix", type=int, metavar="N",
                    help="the prefix holds a build of the first N patches (make check-bisect)")
    ap.add_argument("--installed", action="store_true",
                    help="the prefix is an installed package (/usr): no series stamp to check")
    ap.add_argument("--in-vm", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--collect", help=argparse.SUPPRESS)
    ap.add_argument("tests", nargs="*", help="test names (default: all)")
    args = ap.parse_args()

    # With no names: every selftest and unit test, then every test.
    # Both test the series' own code, so not for the stock build.
    scripts = []
    if not args.tests and args.variant != "stock":
        for kind, d in (("selftest", SELFTEST_DIR), ("unit", UNIT_DIR)):
            scripts += [ScriptTest(kind, os.path.join(d, f), args.prefix)
                        for f in sorted(os.listdir(d)) if f.endswith(".sh")]
    names = args.tests or sorted(
        d for d in os.listdir(args.tests_dir)
        if os.path.exists(os.path.join(args.tests_dir, d, "description.txt")))
    for n in names:
        if not os.path.exists(os.path.join(args.tests_dir, n, "description.txt")):
            sys.exit(f"swantest: no test {n} in {args.tests_dir}")
    tests = [Test(args.tests_dir, n) for n in names]
    if args.list:
        for st in scripts:
            print(st.name + (" (alongside)" if st.alongside else ""))
        for t in tests:
            tier = " [vm]" if t.tier == "vm" else ""
            print(f"{t.name}{tier}: {t.title}")
        return 0
    if os.geteuid() != 0:
        sys.exit("swantest: must run as root (network namespaces)")

    runner = Runner(args)
    runner.check_prefix()
    reap_stale_namespaces()

    def on_signal(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    # In the guest every test given runs here; on the host the tests that
    # need ESP go to the VM tier.
    vm_tests = [] if args.in_vm else [t for t in tests if t.tier == "vm"]
    tests = [t for t in tests if t not in vm_tests]

    passed = failed = skipped = 0
    alongside = [st for st in scripts if st.alongside]
    try:
        for st in alongside:
            st.start()
        for st in scripts:
            if st.alongside:
                continue
            st.start()
            if st.finish():
                passed += 1
            else:
                failed += 1
        for idx, t in enumerate(tests):
            if runner.interrupted:
                break
            if runner.run_test(t, idx):
                passed += 1
            else:
                failed += 1
        for st in alongside:
            if runner.interrupted:
                break
            if st.finish():
                passed += 1
            else:
                failed += 1
    finally:
        for st in scripts:
            st.stop()
    if vm_tests and args.skip_vm:
        for t in vm_tests:
            print(f"SKIP {t.name} [vm]: VM tier skipped (--skip-vm)", flush=True)
        skipped = len(vm_tests)
    elif vm_tests and not runner.interrupted:
        p, f = runner.run_vm_tier(vm_tests)
        passed += p
        failed += f
    tail = f", {skipped} skipped" if skipped else ""
    print(f"{passed} passed, {failed} failed{tail}", flush=True)
    return 0 if failed == 0 and not runner.interrupted else 1


if __name__ == "__main__":
    sys.exit(main())
