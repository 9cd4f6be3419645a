#!/usr/bin/python3
"""Run libreswan 5.2's own tests (the tarball's testing/pluto/) against the
stock and the patched build, in network+mount+UTS namespaces only.

Each test runs the way upstream's KVM runner (testing/utils/fab/runner.py)
runs it: upstream's fab.scripts decides which host runs which command in
which order; every command is typed into a persistent interactive bash on
that host with upstream's prompt; the raw console goes to
OUTPUT/<host>.console.verbose.txt in runner.py's format, then
../../guestbin/post-mortem.sh runs on each host (between runner.py's
markers), then upstream's testing/utils/sanitizer.sh sanitizes it and the
result is compared with the test's <host>.console.txt the way fab/post.py
does (ignoring white space).

What a host sees (as upstream's guests have it): its host name (UTS
namespace), /testing (an overlay of the unpacked tarball's testing/ with
upstream's certificates made by testing/x509's scripts; a test's writes go
to the overlay's upper directory), /etc/ipsec.conf, /etc/ipsec.secrets,
/etc/ipsec.d, /run/pluto, its own /tmp, upstream's addresses (192.1.2.45
west, 192.1.2.23 east, 192.1.3.209 road, 192.1.3.33 north, 192.1.2.254 /
192.1.3.254 nic, as testing/utils/ns.sh sets them).  The build's compiled-in
paths (PREFIX/etc/..., PREFIX/run) are made the same files through a
per-host overlay of the prefix whose etc/ipsec.* and run are symbolic links
to /etc/ipsec.* and /run/pluto; the installed prefix is never written.
`ipsec start` takes upstream's own namespace path (SUDO_COMMAND names
/bin/nsenter and /testing/guestbin/swan-prep exists: `ipsec pluto
--leak-detective` directly).  swan-prep writes /proc/sys/kernel/core_pattern;
each host has a file bound over it, so the machine's stays as it is.

Results are appended to --results as they come (one line per test and
build, then one comparing the two); a rerun skips what is there.
"""

import argparse
import glob
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NSENV = "SWAN_UPSTREAM_RUNNER_NS"
SHIMS = os.path.join(TOP, "testing", "upstream", "shims")
# the work tree's .ready: what made its certificates
TREE_VERSION = "ok: certificates made with testing/upstream/shims\n"

# upstream's topology (testing/utils/ns.sh; IPv6 as upstream's KVM networks)
# host: [(ifname, bridge, [addresses])], [routes]
TOPOLOGY = {
    "west": ([("eth0", "swan01", ["192.0.1.254/24", "2001:db8:0:1::254/64"]),
              ("eth1", "swan12", ["192.1.2.45/24", "2001:db8:1:2::45/64"])],
             ["192.0.2.0/24 via 192.1.2.23", "default via 192.1.2.254"]),
    "east": ([("eth0", "swan02", ["192.0.2.254/24", "2001:db8:0:2::254/64"]),
              ("eth1", "swan12", ["192.1.2.23/24", "2001:db8:1:2::23/64"])],
             ["192.0.1.0/24 via 192.1.2.45", "default via 192.1.2.254"]),
    "north": ([("eth0", "swan03", ["192.0.3.254/24", "2001:db8:0:3::254/64"]),
               ("eth1", "swan13", ["192.1.3.33/24", "2001:db8:1:3::33/64"])],
              ["default via 192.1.3.254"]),
    "road": ([("eth0", "swan13", ["192.1.3.209/24", "2001:db8:1:3::209/64"])],
             ["default via 192.1.3.254"]),
    "nic": ([("eth0", "swan12", ["192.1.2.254/24", "2001:db8:1:2::254/64"]),
             ("eth1", "swan13", ["192.1.3.254/24", "2001:db8:1:3::254/64"])],
            ["192.0.1.0/24 via 192.1.2.45", "192.0.2.0/24 via 192.1.2.23"]),
}
# fab/shell.py's PS1 (\h for its `hostname|sed`), and the prompt it matches
PS1 = r'[\u@\h $(s=$?;p=${PWD##*/};echo ${p:-/} ${s#0})]# '
PROMPT = r'\[root@(?P<host>[a-z]+) (?P<dir>[^ \]]+)(?: (?P<status>[0-9]+))?\]# '
LHS, RHS = ">>>>>>>>>>", "<<<<<<<<<<"
HOLDERS_FILE = None        # a worker's record of its namespace holders
WORKER_SCRIPT = None       # the copy of this file the workers run
COMMAND_TIMEOUT = 120      # fab/runner.py TEST_TIMEOUT
POST_MORTEM_TIMEOUT = 120  # fab/runner.py POST_MORTEM_TIMEOUT
# What a command prints when it then waits for something this host
# cannot do: (console pattern, why).  A command is cut only once a
# pluto log of the test also shows that the kernel refused an ESP SA
# (ESP_REFUSED), so a wait a test means is never cut.
ENV_WAITS = [
    # IKEv2: east could not install the Child SA and answered without
    # it; west's IKE SA then sits in its failed transition until the
    # 60 s timeout, the whack attached
    (r"IKE SA established but initiator rejected Child SA response",
     "no ESP: the peer could not install the Child SA, the IKE SA waits for its 60 s timeout"),
    # IKEv1: the responder could not install the IPsec SA and does not
    # answer Quick Mode; the initiator retransmits for a minute
    (r"STATE_QUICK_I1: retransmission",
     "no ESP: the responder could not install the IPsec SA, Quick Mode retransmits"),
]
ENV_WAITS_RE = re.compile("|".join("(%s)[^\r\n]*" % p for p, _ in ENV_WAITS))
ESP_REFUSED = re.compile(r"netlink response for Add SA (esp|ah)\.[^ ]*: "
                         r"(Protocol not supported|Function not implemented)|"
                         r"netlink ext_ack: Requested (type|[A-Za-z]+ algorithm) not found")
CUT_GRACE = 3
ESP_ERRORS = re.compile(r"Requested type not found|Protocol not supported|"
                        r"kernel: .*(failed|error).*(esp|ESP)|"
                        r"netlink response for (Add|Update) SA|"
                        r"ERROR: netlink XFRM_MSG_NEWSA")


def sh(cmd, check=True, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), check=check,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          encoding="utf-8", errors="replace", **kw)


def log(msg):
    print("check-upstream: " + msg, flush=True)


# ---------------------------------------------------------------- source tree

def prepare_tree(work, tarball, x509=True):
    """work/testing: the tarball's testing/, unmodified, + upstream's keys
    (unless not X509: for tests that need none, the smoke)."""
    tree = os.path.join(work, "src")
    stamp = os.path.join(tree, ".ready")
    testing = os.path.join(tree, "libreswan-5.2", "testing")
    # a tree made before the certutil shim (its certificates failed) is
    # made again; one without certificates (--no-x509) serves as it is
    if os.path.exists(stamp) and (not x509 or open(stamp).read() == TREE_VERSION):
        return testing
    shutil.rmtree(tree, ignore_errors=True)
    os.makedirs(tree)
    log("unpacking testing/ from %s" % tarball)
    sh(["tar", "-C", tree, "-xzf", tarball, "libreswan-5.2/testing"])
    if not x509:
        open(os.path.join(tree, "x509-failed"), "w").write("not made (--no-x509)\n")
        open(stamp, "w").write("ok\n")
        return testing
    log("making upstream's certificates with testing/x509's scripts")
    # what testing/guestbin/keys.sh does on a guest, in a scratch
    # directory (it also runs fipsoff, which is for a guest's /proc)
    tmp = tempfile.mkdtemp(prefix="x509.", dir=work)
    x509 = os.path.join(testing, "x509")
    for f in ("nss-pw", "dist_certs.py"):
        shutil.copy(os.path.join(x509, f), tmp)
    out = []
    failed = []
    # testing/upstream/shims first on PATH: a certutil that works around
    # NSS 3.87's CRL distribution point bug (see the script), nothing else
    env = dict(os.environ, PATH=SHIMS + ":" + os.environ.get("PATH", "/usr/bin:/bin"))
    # bash: upstream's guests' /bin/sh is bash, and generate.sh uses {a,b}
    for cmd in (["bash", os.path.join(x509, "generate.sh"), tmp],
                ["/usr/bin/python3", "./dist_certs.py"],
                ["bash", os.path.join(x509, "crl.sh"), tmp],
                ["bash", os.path.join(x509, "selfsigned.sh"), os.path.join(tmp, "selfsigned")]):
        r = sh(cmd, check=False, cwd=tmp, env=env)
        out.append("$ %s\n%s\n[exit %d]" % (" ".join(cmd), r.stdout, r.returncode))
        if r.returncode:
            # not fatal: the tests that need these certificates fail
            # alike on both builds, grouped by this reason
            failed.append("%s exit %d" % (os.path.basename(cmd[-2] if cmd[0] == "bash" else cmd[-1]),
                                          r.returncode))
    open(os.path.join(work, "x509.log"), "w").write("\n".join(out))
    if failed:
        log("testing/x509: %s (see %s/x509.log); continuing" % ("; ".join(failed), work))
        open(os.path.join(tree, "x509-failed"), "w").write("; ".join(failed) + "\n")
    sh("cd %s && tar cf - */ | tar -C %s -xf -" % (tmp, x509))
    shutil.rmtree(tmp)
    open(stamp, "w").write(TREE_VERSION)
    return testing


# ---------------------------------------------------------------- namespaces

def side_by_side(fn, items):
    """Run fn(item) for every item in threads of their own; raise the first error."""
    errors = []

    def one(item):
        try:
            fn(item)
        except BaseException as e:
            errors.append(e)
    threads = [threading.Thread(target=one, args=(i,)) for i in items]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


class Holder:
    """A process holding namespaces: everything in them goes with it."""

    def __init__(self, flags, name):
        self.name = name
        self.pidns = "--pid" in flags
        self.proc = subprocess.Popen(["unshare"] + flags + ["--", "sleep", "infinity"],
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        # unshare execs sleep after the namespaces exist (with --fork, its
        # child does, as PID 1 of the new PID namespace)
        self.pid = None
        for _ in range(250):
            try:
                pid = self.proc.pid
                if self.pidns:
                    kids = open("/proc/%d/task/%d/children" % (pid, pid)).read().split()
                    pid = int(kids[0]) if kids else None
                if pid and os.readlink("/proc/%d/exe" % pid).endswith("sleep"):
                    self.pid = pid
                    break
            except (OSError, ValueError):
                pass
            time.sleep(0.02)
        if not self.pid:
            self.proc.kill()
            raise RuntimeError("namespaces for %s did not come up" % name)
        self.netns = os.stat("/proc/%d/ns/net" % self.pid).st_ino
        if HOLDERS_FILE:
            with open(HOLDERS_FILE, "a") as f:
                f.write("%d %d\n" % (self.proc.pid, self.pid))

    def enter(self, mount=True):
        return (["nsenter", "-t", str(self.pid), "-n"] + (["-m", "-u"] if mount else [])
                + (["-p"] if mount and self.pidns else []))

    def run(self, cmd, mount=True, check=True):
        return sh(self.enter(mount) + ["sh", "-ec", cmd], check=check)

    def kill_all(self):
        """Kill every process in this holder's network namespace, then it."""
        for _ in range(3):
            victims = []
            for p in glob.glob("/proc/[0-9]*"):
                try:
                    if os.stat(p + "/ns/net").st_ino == self.netns and int(p[6:]) != self.pid:
                        victims.append(int(p[6:]))
                except (OSError, ValueError):
                    pass
            if not victims:
                break
            for v in victims:
                try:
                    os.kill(v, signal.SIGKILL)
                except OSError:
                    pass
            time.sleep(0.2)
        try:
            if self.pid != self.proc.pid:
                # with --pid --fork the holder is unshare's child (PID 1
                # of the new PID namespace): it outlives unshare
                os.kill(self.pid, signal.SIGKILL)
            self.proc.kill()
            self.proc.wait(5)
        except Exception:
            pass


HOST_SETUP = r"""
hostname {host}
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -t tmpfs -o mode=755 tmpfs /run
mkdir -p /run/pluto /run/lock
D={hostdir}
mkdir -p $D/etc.up $D/etc.wk $D/prefix.up $D/prefix.wk
echo core > $D/core_pattern
mount --bind $D/core_pattern /proc/sys/kernel/core_pattern
# /etc as the host's, with /etc/ipsec.* of its own
mount -t overlay overlay -o lowerdir=/etc,upperdir=$D/etc.up,workdir=$D/etc.wk /etc
rm -rf /etc/strongswan
if [ -e {prefix}/etc/ipsec.conf ]; then
	# a build prefix: its files, and its compiled-in paths are the
	# same files as /etc/ipsec.* and /run/pluto
	rm -rf /etc/ipsec.d /etc/ipsec.conf /etc/ipsec.secrets
	cp -a {prefix}/etc/ipsec.d /etc/ipsec.d
	cp {prefix}/etc/ipsec.conf {prefix}/etc/ipsec.secrets /etc/
	mount -t overlay overlay -o lowerdir={prefix},upperdir=$D/prefix.up,workdir=$D/prefix.wk {prefix}
	rm -rf {prefix}/run {prefix}/etc/ipsec.d {prefix}/etc/ipsec.conf {prefix}/etc/ipsec.secrets
	ln -s /run/pluto {prefix}/run
	ln -s /etc/ipsec.d {prefix}/etc/ipsec.d
	ln -s /etc/ipsec.conf {prefix}/etc/ipsec.conf
	ln -s /etc/ipsec.secrets {prefix}/etc/ipsec.secrets
fi
# (an installed package, prefix /usr: its compiled-in paths are
# /etc/ipsec.* and /run/pluto already, and its files are in /etc)
# upstream's guests install into /usr/local
mount --bind {prefix}/sbin /usr/local/sbin
"""


class Topology:
    def __init__(self, hosts, prefix, rundir):
        self.lan = Holder(["--net"], "lan")
        self.hosts = {}
        try:
            bridges = sorted({br for h in hosts for (_, br, _) in TOPOLOGY[h][0]})
            self.lan.run("; ".join("ip link add %s type bridge && ip link set %s up" % (b, b)
                                   for b in bridges), mount=False)
            # the hosts come up side by side (most of it is waiting for
            # processes to start on the shared CPUs)
            side_by_side(lambda h: self.add_host(h, prefix, rundir), hosts)
        except BaseException:
            self.destroy()
            raise

    def add_host(self, h, prefix, rundir):
        hd = os.path.join(rundir, "ns", h)
        os.makedirs(hd, exist_ok=True)
        # a PID namespace too: upstream's post-mortem.sh and
        # wait-until-pluto-started look for "pluto" with pidof/ps
        holder = Holder(["--net", "--mount", "--uts", "--pid", "--fork", "--mount-proc",
                         "--propagation", "private"], h)
        self.hosts[h] = holder
        holder.run(HOST_SETUP.format(host=h, hostdir=hd, prefix=prefix))
        cmds = ["ip link set lo up"]
        lan = []
        for i, (ifname, br, addrs) in enumerate(TOPOLOGY[h][0]):
            peer = "%s%d" % (h, i)
            lan.append("ip link add %s type veth peer name %s-g && "
                       "ip link set %s master %s up && ip link set %s-g netns %d"
                       % (peer, peer, peer, br, peer, holder.pid))
            cmds.append("ip link set %s-g name %s" % (peer, ifname))
            for a in addrs:
                cmds.append("ip addr add %s dev %s nodad" % (a, ifname)
                            if ":" in a else "ip addr add %s dev %s" % (a, ifname))
            cmds.append("ip link set %s up" % ifname)
        self.lan.run(" && ".join(lan), mount=False)
        for r in TOPOLOGY[h][1]:
            cmds.append("ip route add " + r)
        if h == "nic":
            cmds.append("sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1")
        holder.run(" && ".join(cmds), mount=False)

    def destroy(self):
        for h in self.hosts.values():
            h.kill_all()
        self.lan.kill_all()


# ---------------------------------------------------------------- consoles

class Console:
    def __init__(self, holder, host, test, prefix, verbose_path):
        import pexpect
        self.pexpect = pexpect
        self.host = host
        env = {"HOME": "/root", "USER": "root", "LOGNAME": "root", "TERM": "dumb",
               "PATH": "%s/sbin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin" % prefix,
               # upstream's namespace signals: ipsec start runs pluto
               # directly (programs/setup), swan-prep in namespace mode
               # programs/setup echoes `echo $SUDO_COMMAND | grep "/bin/nsenter "`'s
               # match to the console; upstream's misc-sanitize.sed deletes
               # lines beginning "Relabeled /testing", so it starts so
               "SUDO_COMMAND": "Relabeled /testing: /usr/bin/nsenter --net --mount --uts /bin/bash",
               "SWAN_PLUTOTEST": "YES", "LANG": "C"}
        # switches a person running the tests sets (SWANTEST_IMPAIR_ESP)
        env.update((k, v) for k, v in os.environ.items() if k.startswith("SWANTEST_"))
        self.child = pexpect.spawn(holder.enter()[0],
                                   holder.enter()[1:] + ["/usr/bin/env", "-i"]
                                   + ["%s=%s" % kv for kv in env.items()]
                                   + ["/bin/bash", "--norc", "--noprofile", "-i"],
                                   encoding="utf-8", codec_errors="replace",
                                   timeout=30, dimensions=(24, 160))
        self.prompt = re.compile(PROMPT)
        self.child.sendline("stty sane -echo -onlcr cols 160; unset HISTFILE; PS1='%s'; "
                            "cd /testing/pluto/%s" % (PS1.replace("'", "'\\''"), test))
        self.child.expect(r"\[root@%s %s\]# " % (host, re.escape(test)))
        self.verbose = open(verbose_path, "w", buffering=1)

    def run(self, line, timeout, cut=None):
        """Type LINE, wait for the prompt; returns (status, output, note).
        CUT: a function telling whether a pluto log of the test shows the
        kernel refused an ESP SA; when it does and the output shows
        that the command now waits for that (ENV_WAITS), the command gets
        CUT_GRACE seconds to end by itself, then a ^C (note says so)."""
        self.child.sendline(line)
        patterns = [self.prompt, self.pexpect.TIMEOUT, self.pexpect.EOF]
        if cut:
            patterns.append(ENV_WAITS_RE)
        deadline = time.time() + timeout
        output = ""
        while True:
            i = self.child.expect(patterns, timeout=max(0.1, deadline - time.time()))
            output += self.child.before
            if i == 0:
                return int(self.child.match.group("status") or 0), output, None
            if i in (1, 2):
                return ("TIMEOUT" if i == 1 else "EOF"), output, None
            output += self.child.after
            if not cut():
                continue
            # an environment wait: the command's own output so far is kept
            waited = time.time()
            m = self.child.match
            reason = [why for k, (_, why) in enumerate(ENV_WAITS) if m.group(k + 1)][0]
            j = self.child.expect([self.prompt, self.pexpect.TIMEOUT, self.pexpect.EOF],
                                  timeout=min(CUT_GRACE, max(0.1, deadline - time.time())))
            output += self.child.before
            if j == 0:
                return int(self.child.match.group("status") or 0), output, None
            if j == 2:
                return "EOF", output, None
            self.child.sendcontrol("c")
            j = self.child.expect([self.prompt, self.pexpect.TIMEOUT, self.pexpect.EOF], timeout=30)
            output += self.child.before
            note = "%s: cut %s after %.0fs (%s)" % (self.host, line, time.time() - waited, reason)
            # a block upstream's sanitizer (cutout.sed) removes
            output += "\n==== cut ====\ncheck-upstream: %s\n==== tuc ====\n" % note
            if j == 0:
                return int(self.child.match.group("status") or 0), output, note
            return ("TIMEOUT" if j == 1 else "EOF"), output, note

    def close(self):
        try:
            self.child.close(force=True)
        except Exception:
            pass
        self.verbose.close()


def write_prompt(f, host, test):
    f.write("[root@%s %s]# " % (host, test))


def run_test(test, testing, prefix, rundir, test_timeout, cut_waits=True):
    """Run one test; returns (status, seconds, note)."""
    sys.path.insert(0, os.path.join(testing, "utils"))
    # fab/utilsdir.py finds testing/kvm/vm/*.xml (the host list) from
    # sys.argv[0], as if this were testing/utils/kvmrunner.py
    argv0, sys.argv[0] = sys.argv[0], os.path.join(testing, "utils", "kvmrunner.py")
    try:
        from fab import scripts
    finally:
        sys.argv[0] = argv0
    logger = logging.getLogger("fab")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    # the overlay: /testing is the tarball's testing/, writes go to upper
    upper = os.path.join(rundir, "upper")
    wk = os.path.join(rundir, "wk")
    os.makedirs(upper)
    os.makedirs(wk)
    sh(["mount", "-t", "overlay", "overlay", "-o",
        "lowerdir=%s,upperdir=%s,workdir=%s" % (testing, upper, wk), "/testing"])
    tdir = "/testing/pluto/" + test
    start = time.time()
    note = ""
    topo = None
    timing = None
    cuts = []
    consoles = {}
    try:
        commands = scripts.commands(tdir, logger)
        guests = sorted({c.guest.host.name for c in commands if c.guest})
        unknown = [g for g in guests if g not in TOPOLOGY]
        if unknown:
            return "skipped", 0, "host(s) %s not in the namespace topology" % " ".join(unknown)
        os.makedirs(tdir + "/OUTPUT", exist_ok=True)
        if os.path.realpath(prefix) != "/usr":
            # swan-prep (namespace mode) binds NS/<host><ipsecdir> on
            # ipsecdir, which addconn --configsetup says is the build's
            # PREFIX/etc/ipsec.d, but copies <host>.passwd (xauth) into
            # NS/<host>/etc/ipsec.d/, a guest's ipsecdir, which then does
            # not exist: the copy fails and swan-prep stops before the
            # NSS DB.  On upstream's guests the two are the same.
            for g in guests:
                os.makedirs("%s/NS/%s/etc/ipsec.d" % (tdir, g), exist_ok=True)
        # where a test's time goes: one line per command (seconds, host,
        # exit status, command), and the runner's own steps
        timing = open(os.path.join(rundir, "timing.tsv"), "w", buffering=1)
        t = time.time()
        topo = Topology(sorted(set(guests) | {"nic"}), prefix, rundir)

        def console(g):
            consoles[g] = Console(topo.hosts[g], g, test, prefix,
                                  "%s/OUTPUT/%s.console.verbose.txt" % (tdir, g))
        side_by_side(console, guests)
        consoles = {g: consoles[g] for g in guests}
        timing.write("%.1f\t-\t-\t(namespaces and shells)\n" % (time.time() - t))
        def esp_refused():
            for f in glob.glob(tdir + "/OUTPUT/*.pluto.log"):
                try:
                    if ESP_REFUSED.search(open(f, errors="replace").read()):
                        return True
                except OSError:
                    pass
            return False
        all_txt = open(tdir + "/OUTPUT/all.console.verbose.txt", "w")
        timed_out = None
        for command in commands:
            if not command.guest:
                all_txt.write(command.line + "\n")
                continue
            con = consoles[command.guest.host.name]
            if command.line.startswith("#"):
                for t in (all_txt, con.verbose):
                    t.write(command.line + "\n")
                write_prompt(con.verbose, con.host, test)
                continue
            all_txt.write(con.host + "# ")
            for t in (all_txt, con.verbose):
                t.write(command.line + "\n")
            left = test_timeout - (time.time() - start)
            t = time.time()
            status, output, cut = con.run(command.line, max(1, min(COMMAND_TIMEOUT, left)),
                                          cut=esp_refused if cut_waits else None)
            timing.write("%.1f\t%s\t%s\t%s%s\n" % (time.time() - t, con.host, status, command.line,
                                                   "\t(cut)" if cut else ""))
            if cut:
                cuts.append(cut)
            if status not in (0, "TIMEOUT", "EOF"):
                # the exit status the prompt showed (not in the console
                # file); testing/upstream/form.py fails a test on it
                with open(tdir + "/OUTPUT/exit-status.txt", "a") as f:
                    f.write("%s\t%s\t%s\n" % (con.host, status, command.line))
            if output:
                all_txt.write("\n")
                for t in (all_txt, con.verbose):
                    t.write(output)
            if status in ("TIMEOUT", "EOF"):
                msg = "%s while running command %s" % ("timeout" if status == "TIMEOUT" else "EOF",
                                                        command.line)
                for t in (all_txt, con.verbose):
                    t.write("%s %s %s" % (LHS, msg, RHS))
                timed_out = "%s: %s" % (con.host, command.line)
                break
            write_prompt(con.verbose, con.host, test)
        if timed_out:
            note = "timed out (%s)" % timed_out
        else:
            # post-mortem.sh, between runner.py's markers (cut by the sanitizer)
            pm_fail = []
            for con in consoles.values():
                con.verbose.write("%s post-mortem %s" % (LHS, LHS))
                script = "../../guestbin/post-mortem.sh"
                con.verbose.write(script + "\n")
                t = time.time()
                status, output, _ = con.run(script, POST_MORTEM_TIMEOUT)
                timing.write("%.1f\t%s\t%s\t(post-mortem)\n" % (time.time() - t, con.host, status))
                con.verbose.write(output or "")
                fails = re.findall(r"^FAIL: (.*?)\r?$", output or "", re.M)
                if fails or status in ("TIMEOUT", "EOF"):
                    pm_fail.append("%s: %s" % (con.host, ", ".join(fails) or status))
                if status != 0:
                    con.verbose.write("%s post-mortem %s failed %s" % (LHS, script, RHS))
                con.verbose.write("%s post-mortem %s" % (RHS, RHS))
            if pm_fail:
                note = "post-mortem FAIL " + "; ".join(pm_fail)
        all_txt.close()
    finally:
        for c in consoles.values():
            c.close()
        if topo:
            t = time.time()
            topo.destroy()
            if timing:
                timing.write("%.1f\t-\t-\t(teardown)\n" % (time.time() - t))
        if timing:
            timing.close()
    secs = time.time() - start
    # sanitize (upstream's sanitizer.sh) and compare the way fab/post.py does
    results = {}

    def sanitize_and_compare(host):
        verbose = "%s/OUTPUT/%s.console.verbose.txt" % (tdir, host)
        got = sanitized(testing, tdir, rundir, host, verbose, prefix)
        open("%s/OUTPUT/%s.console.txt" % (tdir, host), "w").write(got)
        expected = "%s/%s.console.txt" % (tdir, host)
        if not os.path.exists(expected):
            results[host] = "no-expected"
            return
        exp = open(expected, "rb").read()
        if strip(exp) == strip(got.encode()):
            results[host] = "match"
        else:
            results[host] = "differ"
            d = sh(["diff", "-u", "-w", "-B", expected, "%s/OUTPUT/%s.console.txt" % (tdir, host)],
                   check=False).stdout
            open("%s/OUTPUT/%s.console.diff" % (tdir, host), "w").write(d)
    # the hosts' consoles side by side: sanitizer.sh is a pipeline of
    # sed processes per host, most of a short test's time after its
    # last command on a loaded machine (each host's files are its own)
    side_by_side(sanitize_and_compare, list(consoles))
    # a kernel without ESP: what pluto says when it cannot add an SA
    esp = False
    for f in glob.glob(tdir + "/OUTPUT/*.pluto.log") + glob.glob(tdir + "/OUTPUT/*.console.verbose.txt"):
        try:
            if ESP_ERRORS.search(open(f, errors="replace").read()):
                esp = True
        except OSError:
            pass
    if note.startswith("timed out"):
        status = "timeout"
    elif results and all(v == "match" for v in results.values()):
        status = "passed"
    else:
        status = "failed"
    certs = any("missing file: real/" in open(f, errors="replace").read()
                for f in glob.glob(tdir + "/OUTPUT/*.console.verbose.txt"))
    nss = any("FATAL ERROR: NSS: initialization" in open(f, errors="replace").read()
              for f in glob.glob(tdir + "/OUTPUT/*.pluto.log"))
    # why testing/x509's scripts did not make them (prepare_tree)
    try:
        why = open(os.path.join(testing, "..", "..", "x509-failed")).read().strip()
    except OSError:
        why = "testing/x509's scripts made them; not this one"
    if status != "passed" and certs:
        note = ("environment: certificates: upstream's certificates missing (%s); " % why
                + note).rstrip("; ")
    elif status != "passed" and nss and os.path.exists(os.path.join(testing, "..", "..", "x509-failed")):
        note = ("environment: certificates: pluto found no NSS database (swan-prep's keys "
                "come from testing/x509: %s); " % why + note).rstrip("; ")
    elif status != "passed" and nss:
        note = ("environment: NSS database: pluto found none it could open in /etc/ipsec.d "
                "(what the test's preparation left there); " + note).rstrip("; ")
    elif status != "passed" and (esp or cuts):
        note = ("environment: no ESP on host; " + note).rstrip("; ")
    if cuts:
        note = (note + "; " + "; ".join(cuts)).lstrip("; ")
    hosts = " ".join("%s=%s" % kv for kv in sorted(results.items()))
    return status, secs, (note + (" [" + hosts + "]" if hosts else "")).strip()


def sanitized(testing, tdir, rundir, host, verbose, prefix):
    """HOST's raw console VERBOSE as upstream's sanitizer.sh makes it,
    the build's compiled-in paths said as a guest says them (the
    per-host prefix overlay makes them upstream's guest paths): neither
    upstream's expected output nor the other build's differs in the
    prefix alone."""
    os.makedirs(os.path.join(rundir, "guest-paths"), exist_ok=True)
    guest = os.path.join(rundir, "guest-paths", "%s.console.verbose.txt" % host)
    open(guest, "w").write(guest_paths(open(verbose, errors="replace").read(), prefix))
    return sh(["bash", os.path.join(testing, "utils", "sanitizer.sh"), guest, tdir],
              check=False, cwd=tdir).stdout


def guest_paths(text, prefix):
    for mine, theirs in (("/etc/ipsec.", "/etc/ipsec."), ("/run/", "/run/pluto/"),
                         ("/run", "/run/pluto"),
                         ("/libexec/ipsec/", "/usr/local/libexec/ipsec/"),
                         ("/sbin/", "/usr/local/sbin/"),
                         # ipsec auto --status's config setup lines
                         ("/etc,", "/etc,"),
                         ("/libexec/ipsec", "/usr/local/libexec/ipsec"),
                         ("/sbin", "/usr/local/sbin")):
        text = text.replace(prefix + mine, theirs)
    return text


def strip(s):
    s = re.sub(rb"[ \t]+", rb"", s)
    s = re.sub(rb"\n+", rb"\n", s)
    return re.sub(rb"^\n", rb"", s)


# ---------------------------------------------------------------- driver

def done_set(results):
    done = set()
    statuses = {}
    if os.path.exists(results):
        for line in open(results):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 2 and not line.startswith("#"):
                done.add((f[0], f[1]))
                statuses[(f[0], f[1])] = f[2] if len(f) > 2 else ""
    return done, statuses


def append(results, fields):
    with open(results, "a") as f:
        f.write("\t".join(str(x).replace("\t", " ").replace("\n", " ") for x in fields) + "\n")


# What differs from run to run (or only in where a line of pluto's
# source is), not in what a build does; testing/upstream/differences.txt
# names the tests where each was seen, and why it is volatile.
VOLATILE = [
    # monotonic times in pluto's Message ID dumps
    (rb"\.last_(sent|recv)=[0-9.]+", rb".last_\1=T"),
    # the source line of an EXPECTATION FAILED / PASSERT: a patch above
    # the line moves it
    (rb"\(([A-Za-z0-9_]+)\(\) \+[0-9]+ ", rb"(\1() +N "),
    # random SPIs and IKEv1 Message IDs in pluto log lines
    (rb"SPI=[0-9a-f]{8}\b", rb"SPI=X"),
    (rb"\{msgid:[0-9a-f]{8}\}", rb"{msgid:X}"),
    # a veth's random MAC address
    (rb"link/ether [0-9a-f:]{17}", rb"link/ether MAC"),
    # OpenSSL's error lines begin with the thread's id
    (rb"(?m)^[0-9A-F]{12,16}:error:", rb"THREAD:error:"),
    # sed -i's temporary file
    (rb"/sed[A-Za-z0-9]{6}:", rb"/sedXXXXXX:"),
]
# upstream's guestbin/wait-for.sh and wait-for-pluto.sh print, when the
# wait times out, the tail of the pluto log they read, each line
# prefixed "output: ".  That is the pluto log (not compared: the series
# logs more), cut where the last 100 or 1000 lines begin, with the
# helper threads' lines in the order they came; the comparison drops it.
LOG_DUMP = re.compile(rb"(?m)^output: .*\n?")


def unvolatile(s):
    for pattern, repl in VOLATILE:
        s = re.sub(pattern, repl, s)
    return LOG_DUMP.sub(b"", s)


def compare(work, test):
    """Sanitized output of the two builds, host by host."""
    diffs = []
    for s in sorted(glob.glob("%s/stock/%s/upper/pluto/%s/OUTPUT/*.console.txt" % (work, test, test))):
        host = os.path.basename(s).split(".")[0]
        p = "%s/patched/%s/upper/pluto/%s/OUTPUT/%s.console.txt" % (work, test, test, host)
        d = "%s/patched/%s/%s.stock-vs-patched.diff" % (work, test, host)
        if os.path.exists(d):
            os.unlink(d)
        if not os.path.exists(p):
            diffs.append(host + ":missing")
            continue
        a, b = unvolatile(open(s, "rb").read()), unvolatile(open(p, "rb").read())
        if strip(a) != strip(b):
            # the diff of what the comparison saw (volatile parts replaced)
            import difflib
            d = difflib.unified_diff(
                [l for l in a.decode(errors="replace").splitlines(True) if l.strip()],
                [l for l in b.decode(errors="replace").splitlines(True) if l.strip()],
                s, p)
            open("%s/patched/%s/%s.stock-vs-patched.diff" % (work, test, host), "w").write("".join(d))
            diffs.append(host)
    return diffs


def kill_holders(path):
    """After a worker was killed: what its namespace holders still run.
    A holder that is gone may have left its PID to a process of our own
    network namespace, which is not killed."""
    try:
        pairs = [l.split() for l in open(path)]
    except OSError:
        return
    ours = os.stat("/proc/self/ns/net").st_ino
    for unshare_pid, pid in pairs:
        try:
            netns = os.stat("/proc/%s/ns/net" % pid).st_ino
        except OSError:
            continue
        if netns == ours:
            continue
        for q in glob.glob("/proc/[0-9]*"):
            try:
                if os.stat(q + "/ns/net").st_ino == netns:
                    os.kill(int(q[6:]), signal.SIGKILL)
            except (OSError, ValueError):
                pass
        for v in (pid, unshare_pid):
            try:
                os.kill(int(v), signal.SIGKILL)
            except OSError:
                pass


def worker(args):
    """One test on one build, in a mount namespace of its own (its
    /testing overlay is seen by no other test); the result goes to
    RUNDIR/result.tsv for the driver."""
    global HOLDERS_FILE
    test, variant, prefix, rundir = args.worker
    HOLDERS_FILE = os.path.join(rundir, "holders")

    def on_signal(signum, frame):
        raise SystemExit("killed by signal %d" % signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    testing = os.path.join(args.work, "src", "libreswan-5.2", "testing")
    try:
        status, secs, note = run_test(test, testing, prefix, rundir, args.timeout,
                                      cut_waits=not args.no_cut)
    except BaseException as e:
        import traceback
        traceback.print_exc()
        status, secs, note = "error", 0, "runner: %s: %s" % (type(e).__name__, e)
    finally:
        sh(["umount", "-l", "/testing"], check=False)
    with open(os.path.join(rundir, "result.tsv.new"), "w") as f:
        f.write("\t".join([status, "%.0f" % secs, note.replace("\t", " ").replace("\n", " ")]) + "\n")
    os.rename(os.path.join(rundir, "result.tsv.new"), os.path.join(rundir, "result.tsv"))
    return 0


class Job:
    def __init__(self, args, test, variant, prefix):
        self.test, self.variant = test, variant
        self.rundir = os.path.join(args.work, variant, test)
        shutil.rmtree(self.rundir, ignore_errors=True)
        os.makedirs(self.rundir)
        self.log = open(os.path.join(self.rundir, "runner.log"), "w")
        self.start = time.time()
        # the limit the test has, its post-mortem, and a margin
        self.deadline = self.start + args.timeout + 2 * POST_MORTEM_TIMEOUT + 120
        self.killed = False
        self.proc = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", sys.executable,
             WORKER_SCRIPT, "--work", args.work, "--timeout", str(args.timeout)]
            + (["--no-cut"] if args.no_cut else []) + [
             "--worker", test, variant, prefix, self.rundir],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)

    def result(self):
        self.log.close()
        try:
            f = open(os.path.join(self.rundir, "result.tsv")).read().rstrip("\n").split("\t")
            status, secs, note = (f + ["", "", ""])[:3]
        except OSError:
            status, secs = "error", "%.0f" % (time.time() - self.start)
            note = "runner: worker %s (see %s/runner.log)" % (
                "killed after the time limit" if self.killed else "exited %s" % self.proc.returncode,
                self.rundir)
        kill_holders(os.path.join(self.rundir, "holders"))
        return status, secs, note

    def stop(self, sig=signal.SIGTERM):
        try:
            self.proc.send_signal(sig)
        except OSError:
            pass


def resanitize(args, test, build):
    """Sanitize a kept tree's raw consoles again (after a change to
    guest_paths()) as run_test() does; returns {host: match/differ/...}."""
    testing = os.path.join(args.work, "src", "libreswan-5.2", "testing")
    prefix = {"stock": args.stock, "patched": args.patched}[build]
    rundir = os.path.join(args.work, build, test)
    out = os.path.join(rundir, "upper", "pluto", test, "OUTPUT")
    results = {}
    for verbose in sorted(glob.glob(out + "/*.console.verbose.txt")):
        host = os.path.basename(verbose).split(".")[0]
        if host == "all":
            continue
        tdir = os.path.join(testing, "pluto", test)
        got = sanitized(testing, tdir, rundir, host, verbose, prefix)
        open("%s/%s.console.txt" % (out, host), "w").write(got)
        expected = "%s/%s.console.txt" % (tdir, host)
        if not os.path.exists(expected):
            results[host] = "no-expected"
        elif strip(open(expected, "rb").read()) == strip(got.encode()):
            results[host] = "match"
        else:
            results[host] = "differ"
    return results


def recompare(args, results):
    """The compare lines again, from the kept trees (after a change to
    compare(); --resanitize: to guest_paths() too, and then each build's
    match with upstream's expected output); the results file is
    rewritten, nothing is run."""
    lines = [l for l in open(results) if l.strip()]
    if args.resanitize:
        # the tests named, or those whose builds differed
        which = set(args.tests) or {l.split("\t")[0] for l in lines
                                     if "\tcompare\tdifferent\t" in l}
        for i, l in enumerate(lines):
            f = l.rstrip("\n").split("\t")
            if l.startswith("#") or len(f) < 5 or f[1] not in ("stock", "patched") \
               or f[2] not in ("passed", "failed") or f[0] not in which:
                continue
            hosts = resanitize(args, f[0], f[1])
            if not hosts:
                continue
            note = re.sub(r" ?\[[a-z]+=[^]]*\]$", "", f[4])
            f[2] = "passed" if all(v == "match" for v in hosts.values()) else "failed"
            if f[2] == "passed":
                note = ""
            f[4] = (note + " [" + " ".join("%s=%s" % kv for kv in sorted(hosts.items())) + "]").strip()
            lines[i] = "\t".join(f) + "\n"
        open(results + ".new", "w").write("".join(lines))
        os.rename(results + ".new", results)
    done, statuses = done_set(results)
    out = []
    for l in lines:
        f = l.rstrip("\n").split("\t")
        if len(f) > 1 and f[1] == "compare" and not l.startswith("#"):
            test = f[0]
            outcome = {v: r for (t, v), r in statuses.items() if t == test and v != "compare"}
            if "error" in outcome.values() or len(outcome) < 2:
                diffs, verdict = [], "n/a"
            else:
                diffs = compare(args.work, test)
                verdict = "different" if diffs else "identical"
            l = "\t".join([test, "compare", verdict, "", " ".join(diffs)]) + "\n"
        out.append(l)
    open(results + ".new", "w").write("".join(out))
    os.rename(results + ".new", results)
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stock", default=os.path.join(TOP, "build/stock/inst"))
    ap.add_argument("--patched", default=os.path.join(TOP, "build/inst"))
    ap.add_argument("--builds", default="stock,patched",
                    help="which builds to run (comma separated; a compare line needs both)")
    ap.add_argument("--work", default=os.path.join(TOP, "build/upstream"))
    ap.add_argument("--tarball", default=os.path.join(TOP, "build/libreswan_5.2.orig.tar.gz"))
    ap.add_argument("--results", default=None, help="default WORK/results.tsv")
    ap.add_argument("--timeout", type=int, default=300, help="per test and build (s)")
    ap.add_argument("--jobs", "-j", type=int, default=1,
                    help="tests run at the same time, each in namespaces and a /testing of its own")
    ap.add_argument("--list", default=os.path.join(TOP, "testing/upstream/scope.txt"))
    ap.add_argument("--max", type=int, default=0, help="stop after N tests (0: all)")
    ap.add_argument("--budget", type=int, default=0, help="stop starting tests after S seconds")
    ap.add_argument("--rerun", action="store_true", help="ignore earlier results of these tests")
    ap.add_argument("--rerun-note", metavar="REGEX", default=None,
                    help="run again the tests whose last result on a build has a note matching REGEX")
    ap.add_argument("--recompare", action="store_true",
                    help="compute the compare lines of RESULTS again from the kept trees, run nothing")
    ap.add_argument("--resanitize", action="store_true",
                    help="with --recompare: sanitize the kept raw consoles of TESTS (default: "
                    "those that differed) again first (--stock/--patched: the prefixes they ran from)")
    ap.add_argument("--no-x509", action="store_true",
                    help="do not make upstream's certificates (a new WORK: tests that need none)")
    ap.add_argument("--no-cut", action="store_true",
                    help="let a command that waits for what the host cannot do (ESP) wait")
    ap.add_argument("--worker", nargs=4, metavar=("TEST", "BUILD", "PREFIX", "RUNDIR"),
                    help=argparse.SUPPRESS)
    ap.add_argument("tests", nargs="*")
    args = ap.parse_args()
    results = args.results or os.path.join(args.work, "results.tsv")

    if os.environ.get(NSENV) != "1":
        # everything below happens in a mount namespace of our own: the
        # /testing overlays and every host's mounts vanish with it
        os.makedirs(args.work, exist_ok=True)
        # /testing is a mount point in our namespaces.  Deleting the
        # directory in the machine's namespace would detach every mount
        # on it in all namespaces (Linux does so since 3.18), so while a
        # run uses it, it holds a file in it (rmdir fails): another run,
        # from another clone, may be using it at the same time.  The
        # last run to end removes it.
        users = "/testing/.check-upstream"
        os.makedirs(users, exist_ok=True)
        mine = os.path.join(users, str(os.getpid()))
        open(mine, "w").close()
        try:
            env = dict(os.environ, **{NSENV: "1"})
            rc = subprocess.call(["unshare", "--mount", "--propagation", "private",
                                  sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env=env)
        finally:
            os.unlink(mine)
            for other in os.listdir(users):
                if not os.path.exists("/proc/" + other):
                    os.unlink(os.path.join(users, other))
            try:
                os.rmdir(users)
                os.rmdir("/testing")
            except OSError:
                pass
        sys.exit(rc)
    if args.worker:
        return worker(args)
    # the workers run the runner as it was when this run began (editing
    # run.py while a run goes on does not change how its tests run)
    global WORKER_SCRIPT
    WORKER_SCRIPT = os.path.join(args.work, ".run-%d.py" % os.getpid())
    shutil.copy(os.path.abspath(__file__), WORKER_SCRIPT)
    try:
        return drive(args, results)
    finally:
        os.unlink(WORKER_SCRIPT)


def drive(args, results):

    if args.recompare:
        return recompare(args, results)
    prefixes = {"stock": args.stock, "patched": args.patched}
    builds = [b for b in args.builds.split(",") if b]
    for b in builds:
        if b not in prefixes:
            sys.exit("check-upstream: --builds: no build %s" % b)
        if not os.path.exists(os.path.join(prefixes[b], "libexec/ipsec/pluto")):
            sys.exit("check-upstream: no build in %s (make build stock)" % prefixes[b])
    testing = prepare_tree(args.work, args.tarball, x509=not args.no_x509)
    tests = args.tests or [l.split()[0] for l in open(args.list)
                           if l.strip() and not l.startswith("#")]
    done, statuses = (set(), {}) if args.rerun else done_set(results)
    if args.rerun_note:
        # run again the tests whose last result on a build has a note
        # like this (after fixing that environment); a rerun that is
        # stopped continues, since the new results no longer say it
        notes = {}
        for line in open(results) if os.path.exists(results) else []:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 5 and not line.startswith("#") and f[1] != "compare":
                notes[(f[0], f[1])] = f[4]
        again = {t for (t, b), n in notes.items() if re.search(args.rerun_note, n)}
        done = {(t, b) for (t, b) in done if t not in again}
        statuses = {k: v for k, v in statuses.items() if k[0] not in again}
    if not os.path.exists(results):
        append(results, ["#test", "build", "result", "seconds", "note"])

    # the queue: each test's builds one after the other, so that its
    # comparison comes as soon as possible
    queue = []
    seen = set()
    for test in tests:
        if test in seen:
            continue
        seen.add(test)
        if not os.path.isdir(os.path.join(testing, "pluto", test)):
            log("%s: no such test in 5.2" % test)
            continue
        if (test, "compare") in done:
            continue
        todo = [b for b in builds if (test, b) not in done]
        if not todo and len(builds) < 2:
            continue
        queue.append((test, todo))
    t0 = time.time()
    started = 0
    running = []
    pending = {}      # test -> builds not finished yet

    def finish(job):
        status, secs, note = job.result()
        statuses[(job.test, job.variant)] = status
        append(results, [job.test, job.variant, status, secs, note])
        log("%-8s %-7s %4ss %s %s" % (status, job.variant, secs, job.test, note))
        pending[job.test].discard(job.variant)
        if not pending[job.test]:
            compare_line(job.test)

    def compare_line(test):
        if len(builds) < 2:
            return
        outcome = {v: r for (t, v), r in statuses.items() if t == test}
        if "error" in outcome.values() or len(outcome) < 2:
            diffs, verdict = [], "n/a"
        else:
            diffs = compare(args.work, test)
            verdict = "different" if diffs else "identical"
        append(results, [test, "compare", verdict, "", " ".join(diffs)])
        log("%-8s stock/patched %s %s" % ("DIFFER" if diffs else "same", test, " ".join(diffs)))

    def on_signal(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_signal)
    try:
        jobs = [(t, b) for t, todo in queue for b in todo]
        for t, todo in queue:
            pending[t] = set(todo)
        for t, todo in queue:
            if not todo:
                compare_line(t)
        jobs = [(t, b) for t, b in jobs]
        tests_started = set()
        while jobs or running:
            while jobs and len(running) < max(1, args.jobs):
                test, variant = jobs[0]
                if test not in tests_started:
                    if (args.max and len(tests_started) >= args.max
                            or args.budget and time.time() - t0 > args.budget):
                        log("stopping: limit reached (a rerun continues)")
                        jobs = []
                        break
                    tests_started.add(test)
                jobs.pop(0)
                running.append(Job(args, test, variant, prefixes[variant]))
                started += 1
            time.sleep(0.5)
            for job in list(running):
                if job.proc.poll() is not None:
                    running.remove(job)
                    finish(job)
                elif time.time() > job.deadline and not job.killed:
                    job.killed = True
                    job.stop()
                    job.deadline = time.time() + 30
                elif job.killed and time.time() > job.deadline:
                    job.stop(signal.SIGKILL)
    except KeyboardInterrupt:
        log("interrupted: stopping %d running test(s)" % len(running))
        for job in running:
            job.stop()
        for job in running:
            try:
                job.proc.wait(60)
            except subprocess.TimeoutExpired:
                job.stop(signal.SIGKILL)
                job.proc.wait()
            job.log.close()
            kill_holders(os.path.join(job.rundir, "holders"))
        return 130
    log("%d test run(s) in %.0fs with --jobs %d" % (started, time.time() - t0, args.jobs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
