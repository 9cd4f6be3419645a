#!/usr/bin/python3
"""Reconnect-storm benchmark: what N clients reconnecting cost one gateway,
patched against stock libreswan 5.2, in one run.

One gateway pluto and a few client plutos, each in a network namespace of
its own on a bridge (198.18.0.0/15, the benchmarking range of RFC 2544,
only inside the namespaces).  N connections with distinct IDs (@client-i
with PSK; with certificates, each client its own certificate, ECDSA P-256
or RSA-2048, from one CA), IKE level: the gateway refuses the Child SA, so
the kernel is never touched and only IKE is measured.  Both builds are
set up side by side (namespaces of their own), and each phase runs for
one build and then the other, so that a pair is measured back to back;
who goes first alternates from round to round.  Phases:

  A  full connect: every client does IKE_SA_INIT + IKE_AUTH
  B  every client suspends, then reconnects (IKE_SESSION_RESUME), each
     as its client pluto gets to it
  D  a network blip: every client suspends, then all reconnect at once
     (IKE_SESSION_RESUME) to the gateway that kept running, in waves
     of 64 held in its stopped socket as in C (stock 5.2's socket holds
     about 90), each released when the last is up: both builds resume
     back to back, with no drops, like with like
  C  the gateway is killed (SIGKILL) and restarted; every client
     reconnects: the storm.  The new gateway is held stopped (SIGSTOP)
     until every client has sent its request, so all N arrive at once,
     and the kernel drops what its socket cannot hold (counted).  A
     client whose ticket is refused reconnects once more with a full
     handshake; a dropped request is not retransmitted.
  O  a client-side outage: every client pluto is killed (SIGKILL: no
     Delete reaches the gateway) and started again, and every client
     reconnects, resuming with the ticket it kept on disk (patched;
     stock 5.2 keeps none and authenticates in full).  The gateway's
     IKE SA count and RSS before and after: RFC 5723 4.3.4 wants it
     back at N, the old IKE SAs deleted silently, not N more.
  R  a planned restart (a package upgrade, ipsec restart, systemctl
     restart ipsec) with all N up, not suspended: the gateway is
     stopped as ipsec.service's ExecStop does (whack --shutdown) and
     started again; every client notices and reconnects, one by one as
     in B.  The patched gateway's ipsec.conf says
     session-resumption-shutdown=keep (as the packages' does): no
     Delete, every client keeps its ticket and resumes.  Stock 5.2
     sends every client a Delete; a client whose ticket is refused (or
     that dropped it) reconnects with a full handshake.  CPU is
     measured on the new gateway pluto, from the first reconnect; the
     stop's wall time is printed.

Per phase: gateway CPU (utime+stime of its pluto) per IKE SA that came
up, wall time until all N are up, how many resumed and how many did a
full handshake (from the gateway's log), the UDP datagrams the
gateway's kernel dropped for a full socket, and the gateway's RSS.  Prints
one table and the patched/stock ratios (of the medians, and round by
round), and writes the raw figures as JSON.  It asserts nothing: it measures.

  storm.py --patched PREFIX --stock PREFIX [-n N] [--rounds R]
           [--layout per-client|cgnat] [--auth psk|ecdsa|rsa] [--json FILE]
           [--pin]
  storm.py --patched PREFIX --stock PREFIX --callgrind K [--auth ...]

With --auth ecdsa or rsa the certificates (a CA, the gateway's, one per
client) are made once with certutil into an NSS DB under
build/bench/certs/ and copied to every pluto; they are kept for the next
run with the same N.

--pin puts the gateway pluto alone on the last CPU and everything else
(client plutos, this script, the whacks it starts) on the others: a
check that what a phase costs the gateway is not the clients' doing.

--callgrind K runs the gateway under valgrind's callgrind instead and
counts the instructions it executes for K full handshakes (phase A) and
K resumptions (phase B): a figure that does not depend on how busy the
machine is.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HARNESS_BIN = os.path.join(TOP, "testing", "harness", "bin")
GATEWAY = "198.18.0.1"
PREFIX_BITS = 15
PSK = "storm-benchmark-psk-long-enough-for-any-prf-0123456789"
CLIENT_PLUTOS = 2
ADDRESSES_PER_PLUTO = 800
UP_TIMEOUT = 300
STALL_TIMEOUT = 20
TICKS = os.sysconf("SC_CLK_TCK")


def user_system_seconds(stat):
    """(user, system) CPU seconds from a /proc/.../stat file (a
    process's, or a thread's under task/)"""
    fields = open(stat).read().rsplit(")", 1)[1].split()
    return int(fields[11]) / TICKS, int(fields[12]) / TICKS


CERTS_DIR = os.path.join(TOP, "build", "bench", "certs")
# what certutil makes for --auth; and the authby= that goes with it
CERT_KEYS = {"ecdsa": ["-k", "ec", "-q", "nistp256"], "rsa": ["-k", "rsa", "-g", "2048"]}
AUTHBY = {"psk": "secret", "ecdsa": "ecdsa", "rsa": "rsasig"}
AUTH_NAMES = {"psk": "PSK", "ecdsa": "ECDSA P-256 certificates", "rsa": "RSA-2048 certificates"}


def run(cmd, check=True, **kw):
    r = subprocess.run(cmd, check=False, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, **kw)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {r.returncode}: {r.stdout.strip()}")
    return r


class Host:
    """A pluto in a namespace, driven with the test harness's ipsec helper
    (its own rundir, NSS DB and log), without leak detective."""

    def __init__(self, bench, name, prefix, certs=None):
        self.name = name
        self.ns = f"{bench.tag}-{name}"
        self.dir = os.path.join(bench.work, name)
        self.prefix = prefix
        os.makedirs(os.path.join(self.dir, "run"))
        if certs is not None:
            # every host gets the one DB: the CA, the gateway's and all
            # the clients' certificates and keys
            shutil.copytree(certs, os.path.join(self.dir, "nss"))
        else:
            os.makedirs(os.path.join(self.dir, "nss"))
            run(["certutil", "-N", "-d", "sql:" + os.path.join(self.dir, "nss"),
                 "--empty-password"])

    def env(self):
        extra = {}
        wrapper = getattr(self, "wrapper", None)
        if getattr(self, "callgrind_out", None):
            wrapper = ("valgrind --tool=callgrind --quiet "
                       f"--callgrind-out-file={self.callgrind_out}")
        if wrapper:
            # a pluto under valgrind takes a while to answer
            extra = {"SWAN_PLUTO_WRAPPER": wrapper, "SWAN_START_TRIES": "1200"}
        return extra | {
            "PATH": ":".join([HARNESS_BIN, "/usr/sbin", "/usr/bin", "/sbin", "/bin"]),
            "SWAN_PREFIX": self.prefix, "SWAN_PATCHED_PREFIX": self.prefix,
            "SWAN_HOSTDIR": self.dir, "SWAN_HOST": self.name,
            "SWAN_RUNDIR": os.path.dirname(self.dir),
            "SWAN_LEAK_DETECTIVE": "no", "LANG": "C.UTF-8",
        }

    def ipsec(self, *args, check=True):
        return run(["ip", "netns", "exec", self.ns,
                    os.path.join(HARNESS_BIN, "ipsec"), *args],
                   check=check, env=self.env())

    def whack_many(self, argsets):
        """Many whack commands through one shell: cheaper than a process
        tree each, and the gateway sees them as fast as they come."""
        libexec = os.path.join(self.prefix, "libexec", "ipsec")
        ctl = os.path.join(self.dir, "run", "pluto.ctl")
        script = "\n".join(f"{libexec}/whack --ctlsocket {ctl} " + " ".join(a)
                           + " >/dev/null 2>&1" for a in argsets)
        # on stdin: one argument would exceed the kernel's 128 KiB
        # limit with ~1000 connections on one client pluto (CGNAT)
        run(["ip", "netns", "exec", self.ns, "sh", "-s"], check=False,
            input=script + "\n")

    def pid(self):
        return int(open(os.path.join(self.dir, "run", "pluto.pid")).read())

    def callgrind(self, what):
        """callgrind_control -z (zero) or -d (dump); for -d, the
        instructions counted since the last zero."""
        r = run(["callgrind_control", what, str(self.pid())], check=False)
        if r.returncode != 0 or "OK." not in r.stdout:
            raise RuntimeError(f"callgrind_control {what}: {r.stdout.strip()}")
        if what != "-d":
            return None
        # the newest dump: callgrind.out.<pid>.<n>
        dumps = sorted((f for f in os.listdir(self.dir) if f.startswith("callgrind.out")),
                       key=lambda f: os.path.getmtime(os.path.join(self.dir, f)))
        self.last_dump = os.path.join(self.dir, dumps[-1])
        for line in open(self.last_dump):
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
        raise RuntimeError(f"no totals in {dumps[-1]}: {r.stdout}")

    def callgrind_by_library(self):
        """The last dump's instructions by the library that executed
        them, and NSS's inclusive of its calls into libc"""
        return callgrind_by_object(self.last_dump)

    def cpu_seconds(self):
        """(user, system) CPU seconds of this pluto, all its threads"""
        return user_system_seconds(f"/proc/{self.pid()}/stat")

    def thread_cpu_seconds(self):
        """{"main": s, "helpers": s}: utime+stime of pluto's main thread
        (its tid is its pid: the event loop, where every state
        transition runs) and of all its other threads together (the
        crypto helpers, which run the offloaded tasks: DH, nonces)"""
        pid = self.pid()
        cpu = {"main": 0.0, "helpers": 0.0}
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                s = sum(user_system_seconds(f"/proc/{pid}/task/{tid}/stat"))
            except FileNotFoundError:
                continue  # a thread that just ended
            cpu["main" if int(tid) == pid else "helpers"] += s
        return cpu

    def udp_receive_drops(self):
        """UDP datagrams this host's kernel dropped because a socket's
        receive buffer was full (RcvbufErrors in its namespace)"""
        snmp = run(["ip", "netns", "exec", self.ns, "cat", "/proc/net/snmp"]).stdout
        udp = [line.split() for line in snmp.splitlines() if line.startswith("Udp:")]
        return int(udp[1][udp[0].index("RcvbufErrors")])

    def rss_kib(self, what="VmRSS"):
        for line in open(f"/proc/{self.pid()}/status"):
            if line.startswith(what + ":"):
                return int(line.split()[1])
        return 0

    def log(self):
        return open(os.path.join(self.dir, "pluto.log"), errors="replace").read()

    def established(self):
        out = self.ipsec("whack", "--showstates", check=False).stdout
        return len(re.findall(r"ESTABLISHED_IKE_SA", out))


# the libraries of NSS and NSPR, as named by a callgrind dump
NSS_OBJECTS = ("libnss3", "libsoftokn3", "libfreeblpriv3", "libfreebl3", "libnspr4",
               "libplds4", "libplc4", "libnssutil3", "libsmime3", "libssl3")


def is_nss_object(ob):
    return ob.startswith(NSS_OBJECTS)


def callgrind_by_object(path):
    """Instructions of a callgrind dump (Ir only, the default) by object
    file: each cost line counts for the object of the function it is
    in, except the line after calls=, which is the callee's inclusive
    cost.  Names are compressed: "ob=(3) /lib/x.so" defines (3),
    "ob=(3)" uses it (a definition may come in a cob= line, the
    object of a callee).  Also "NSS, inclusive": what calls into NSS
    and NSPR from outside them cost, including NSS's own calls into
    libc (locks, malloc)."""
    names, by_object = {}, {}
    nss_inclusive = 0
    current, callee, call_line = "?", None, False
    for line in open(path):
        if line.startswith(("ob=", "cob=")):
            key, _, value = line.strip().partition("=")
            ref, _, name = value.partition(" ")
            if name:
                names[ref] = name
            ob = os.path.basename(names.get(ref, ref))
            if key == "ob":
                current = ob
            else:
                callee = ob
        elif line.startswith("calls="):
            call_line = True
        elif line[:1].isdigit() or line[:1] in "+-*":
            fields = line.split()
            if len(fields) < 2:
                continue
            ir = int(fields[1])
            if call_line:
                # the callee's inclusive cost: NSS's, if called from outside
                target = callee or current
                if is_nss_object(target) and not is_nss_object(current):
                    nss_inclusive += ir
                call_line, callee = False, None
                continue
            by_object[current] = by_object.get(current, 0) + ir
    return by_object, nss_inclusive


def library_groups(by_object, nss_inclusive):
    """Instructions by who executes them (NSS, libc, pluto, the rest),
    and NSS inclusive of its calls into libc, from
    callgrind_by_object()"""
    groups = {"NSS": 0, "libc": 0, "pluto": 0, "other": 0}
    for ob, ir in by_object.items():
        if is_nss_object(ob):
            groups["NSS"] += ir
        elif ob.startswith("libc.so"):
            groups["libc"] += ir
        elif ob == "pluto":
            groups["pluto"] += ir
        else:
            groups["other"] += ir
    groups["NSS, inclusive"] = nss_inclusive
    return groups


def make_certs(auth, n):
    """An NSS DB with a CA, the gateway's certificate (@gw) and N client
    certificates (@client-i), each with its key; made once per AUTH and
    N and kept.  The subjectAltName is the ID's name, which pluto checks
    against the ID."""
    db = os.path.join(CERTS_DIR, f"{auth}-{n}")
    if os.path.exists(os.path.join(db, "done")):
        return db
    shutil.rmtree(db, ignore_errors=True)
    os.makedirs(db)
    sql = "sql:" + db
    noise = os.path.join(db, "noise")
    with open(noise, "wb") as f:
        f.write(os.urandom(64))
    run(["certutil", "-N", "-d", sql, "--empty-password"])
    start = time.monotonic()
    # -2: basic constraints; the answers: a CA, no path length, critical
    run(["certutil", "-S", "-x", "-n", "ca", "-s", "CN=Storm CA,O=libreswan-resume",
         "-t", "CT,C,C", *CERT_KEYS[auth], "-Z", "SHA256", "-v", "12", "-m", "1",
         "-2", "--keyUsage", "certSigning,crlSigning", "-d", sql, "-z", noise],
        input="y\n\ny\n")
    names = ["gw"] + [f"client-{i}" for i in range(n)]
    for serial, name in enumerate(names, start=2):
        run(["certutil", "-S", "-c", "ca", "-n", name, "-s", f"CN={name},O=libreswan-resume",
             "-t", ",,", *CERT_KEYS[auth], "-Z", "SHA256", "-v", "12", "-m", str(serial),
             "-8", name, "--keyUsage", "digitalSignature", "-d", sql, "-z", noise])
    os.remove(noise)
    open(os.path.join(db, "done"), "w").close()
    print(f"storm: made {len(names)} {auth} certificates in {time.monotonic() - start:.0f}s "
          f"({db})", flush=True)
    return db


def gateway_log_counts(log):
    """IKE SAs a gateway's log (the part of it in LOG) says it
    established, resumed and in full, and old ones it deleted as
    superseded by a resumption"""
    return {
        "resumed": len(re.findall(r"responder established IKE SA; authenticated peer using authby=session-resume", log)),
        # PSK, or a certificate ("authenticated peer certificate '@client-1' and ...")
        "full": len(re.findall(r"responder established IKE SA; authenticated peer "
                               r"(using authby=secret|certificate )", log)),
        "superseded": len(re.findall(r"superseded by #[0-9]+ resumed with its ticket", log)),
    }


class Bench:
    def __init__(self, args, build, prefix, round_nr):
        self.args = args
        self.build = build
        # both builds' namespaces exist at once (phases alternate)
        self.tag = f"swb{os.getpid()}{build[0]}"
        # per layout and mode, so that a callgrind run does not pull the
        # directory from under a storm run (as happened once)
        mode = f"callgrind-{args.layout}" if args.callgrind else args.layout
        if args.auth != "psk":
            mode += f"-{args.auth}"
        self.work = os.path.join(TOP, "build", "bench", mode, f"{build}-{round_nr}")
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)
        self.prefix = prefix
        self.namespaces = []

    # --- network ---------------------------------------------------------

    def netns(self, name):
        ns = f"{self.tag}-{name}"
        run(["ip", "netns", "add", ns])
        self.namespaces.append(ns)
        run(["ip", "-n", ns, "link", "set", "lo", "up"])
        return ns

    def plug(self, name, primary, addresses=()):
        """eth0 on the bridge with PRIMARY on the LAN, plus ADDRESSES as
        /32s behind it: the gateway routes them via PRIMARY, so it needs
        one neighbour entry per client pluto, not one per client (the
        kernel's neighbour table, gc_thresh3 = 1024, would drop the
        rest)."""
        ns = f"{self.tag}-{name}"
        run(["ip", "-n", ns, "link", "add", "eth0", "type", "veth",
             "peer", "name", f"p-{name}", "netns", self.lan])
        run(["ip", "-n", self.lan, "link", "set", f"p-{name}", "master", "br0", "up"])
        batch = f"addr add {primary}/{PREFIX_BITS} dev eth0\n"
        batch += "".join(f"addr add {a}/32 dev eth0\n" for a in addresses)
        run(["ip", "-n", ns, "-batch", "-"], input=batch)
        run(["ip", "-n", ns, "link", "set", "eth0", "up"])
        if addresses:
            routes = "".join(f"route add {a}/32 via {primary}\n" for a in addresses)
            run(["ip", "-n", f"{self.tag}-gw", "-batch", "-"], input=routes)

    def teardown(self):
        for ns in self.namespaces:
            for _ in range(50):
                pids = run(["ip", "netns", "pids", ns], check=False).stdout.split()
                if not pids:
                    break
                for p in pids:
                    try:
                        os.kill(int(p), signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                time.sleep(0.1)
            run(["ip", "netns", "del", ns], check=False)
        self.namespaces = []

    # --- set up ------------------------------------------------------------

    def client_address(self, i):
        if self.args.layout == "cgnat":
            return "198.19.0.1"
        return f"198.19.{i // 250}.{i % 250 + 1}"

    def setup(self):
        n = self.args.n
        self.lan = self.netns("lan")
        run(["ip", "-n", self.lan, "link", "add", "br0", "type", "bridge"])
        run(["ip", "-n", self.lan, "link", "set", "br0", "up"])
        self.netns("gw")
        self.plug("gw", GATEWAY)
        auth = self.args.auth
        certs = None if auth == "psk" else make_certs(auth, n)
        authby = AUTHBY[auth]
        # with certificates each end names its own; the client's
        # certificate comes in IKE_AUTH (CERTREQ answered)
        gw_cert = "" if auth == "psk" else "\tleftcert=gw\n"
        # phase R: what the packages' ipsec.conf says (patch 0047);
        # stock 5.2 knows no such option
        shutdown = ("\tsession-resumption-shutdown=keep\n" if self.build == "patched"
                    else "")
        self.gw = Host(self, "gw", self.prefix, certs)
        if self.args.callgrind:
            self.gw.callgrind_out = os.path.join(self.gw.dir, "callgrind.out.%p")
        # another tool's (memory.py: massif)
        self.gw.wrapper = getattr(self, "gw_wrapper", None)
        with open(os.path.join(self.gw.dir, "ipsec.conf"), "w") as f:
            f.write(f"""config setup
	plutodebug=none
	logtime=yes
{shutdown}
conn clients
	left={GATEWAY}
	leftid=@gw
{gw_cert}	right=%any
	rightid=%any
	authby={authby}
	session-resumption=yes
	# IKE only: no client proposes this, so no Child SA, no kernel
	esp=aes_ctr128-sha2_256
	auto=add
""")
        with open(os.path.join(self.gw.dir, "ipsec.secrets"), "w") as f:
            f.write(f'@gw %any : PSK "{PSK}"\n')
        os.chmod(os.path.join(self.gw.dir, "ipsec.secrets"), 0o600)

        # stock 5.2's pluto hangs at start-up with ~1000 addresses
        # (fixed by patch 0019), so no client pluto gets more than
        # ADDRESSES_PER_PLUTO of them, in either build
        plutos = (1 if self.args.layout == "cgnat" else
                  max(CLIENT_PLUTOS, -(-n // self.addresses_per_pluto)))
        self.clients = []
        for k in range(plutos):
            name = f"c{k}"
            self.netns(name)
            mine = [i for i in range(n) if i % plutos == k]
            self.plug(name, f"198.18.1.{k + 1}",
                      sorted({self.client_address(i) for i in mine}))
            host = Host(self, name, self.prefix, certs)
            host.conns = [f"client-{i}" for i in mine]
            with open(os.path.join(host.dir, "ipsec.conf"), "w") as f:
                f.write("config setup\n\tplutodebug=none\n\tlogtime=yes\n\n")
                for i in mine:
                    cert = "" if auth == "psk" else f"\tleftcert=client-{i}\n"
                    f.write(f"""conn client-{i}
	left={self.client_address(i)}
	leftid=@client-{i}
{cert}	right={GATEWAY}
	rightid=@gw
	authby={authby}
	session-resumption=yes
	auto=ignore
{self.client_conn_extra(i, k)}
""")
            with open(os.path.join(host.dir, "ipsec.secrets"), "w") as f:
                f.write(f'%any @gw : PSK "{PSK}"\n')
            os.chmod(os.path.join(host.dir, "ipsec.secrets"), 0o600)
            self.clients.append(host)

        self.gw.ipsec("start")
        self.start_clients()
        self.pin()

    # what storm100k.py (default timers, connections initiated by
    # alias, many client plutos started in parallel) changes
    addresses_per_pluto = ADDRESSES_PER_PLUTO
    # no revival: a refused Child SA or resume is retried by this
    # script, not by pluto's back-off; and no retransmits (phase C
    # holds the requests in the stopped gateway's socket)
    client_impairs = ("--impair", "revival", "--impair", "suppress-retransmits")

    def client_conn_extra(self, i, k):
        """Lines for client-I's conn on client pluto K"""
        return "\tretransmit-timeout=600s\n"

    def start_client(self, c):
        c.ipsec("start")
        c.ipsec("whack", *self.client_impairs)
        c.ipsec("add", *c.conns)

    def start_clients(self):
        for c in self.clients:
            self.start_client(c)

    def pin(self):
        """With --pin: the gateway pluto, all its threads, on its CPU;
        the client plutos on the others (where main() put this script,
        and so every whack it starts)"""
        cpus = getattr(self.args, "pin_cpus", None)
        if cpus is None:
            return
        gateway_cpu, others = cpus
        run(["taskset", "-a", "-p", "-c", str(gateway_cpu), str(self.gw.pid())])
        for c in self.clients:
            run(["taskset", "-a", "-p", "-c", ",".join(map(str, others)), str(c.pid())])

    # --- phases ------------------------------------------------------------

    def up_count(self):
        return sum(c.established() for c in self.clients)

    def wait_all_up(self, start, retry_full=False, target=None, poll=0.5):
        """Seconds until all N (or TARGET) are up, or None on timeout.
        With RETRY_FULL, connections still down after the first wave
        (their ticket was refused) are initiated again: a full
        handshake."""
        target = target or self.args.n
        retried = False
        last_up, last_change = -1, time.monotonic()
        while time.monotonic() - start < UP_TIMEOUT:
            up = self.up_count()
            if up >= target:
                return time.monotonic() - start
            if up != last_up:
                last_up, last_change = up, time.monotonic()
            elif time.monotonic() - last_change > STALL_TIMEOUT:
                # nothing came up for a while: the rest were dropped
                # (clients do not retransmit) or refused
                return None
            if retry_full and not retried and time.monotonic() - start > 5:
                for c in self.clients:
                    out = c.ipsec("whack", "--showstates", check=False).stdout
                    up = set(re.findall(r'"(client-\d+)"[^\n]*ESTABLISHED_IKE_SA', out))
                    c.whack_many([["--name", conn, "--initiate", "--asynchronous"]
                                  for conn in c.conns if conn not in up])
                retried = True
            time.sleep(poll)
        return None

    def initiate(self, conns):
        """Initiate CONNS, a list of (client, connection), without
        waiting"""
        for c in self.clients:
            c.whack_many([["--name", conn, "--initiate", "--asynchronous"]
                          for h, conn in conns if h is c])

    def initiate_all(self):
        self.initiate(self.all_conns())

    def requests_sent(self, since):
        """IKE_SA_INIT/IKE_SESSION_RESUME requests the clients logged
        after the log sizes in SINCE"""
        sent = 0
        for c in self.clients:
            with open(os.path.join(c.dir, "pluto.log"), errors="replace") as f:
                f.seek(since[c.name])
                sent += len(re.findall(r"sent (IKE_SA_INIT|IKE_SESSION_RESUME) request",
                                       f.read()))
        return sent

    def burst_initiate(self, conns):
        """Stop the gateway (SIGSTOP), have the clients send the
        requests of CONNS, a list of (client, connection), and continue
        it once they all have, so that they wait in its socket
        together.  Returns when the requests were released."""
        since = {c.name: os.path.getsize(os.path.join(c.dir, "pluto.log"))
                 for c in self.clients}
        pid = self.gw.pid()
        os.kill(pid, signal.SIGSTOP)
        try:
            self.initiate(conns)
            deadline = time.monotonic() + UP_TIMEOUT
            while (self.requests_sent(since) < len(conns) and
                   time.monotonic() < deadline):
                time.sleep(0.2)
        finally:
            os.kill(pid, signal.SIGCONT)
        return time.monotonic()

    def all_conns(self):
        """Every (client, connection), taking the client plutos in turn"""
        longest = max(len(c.conns) for c in self.clients)
        return [(c, c.conns[j]) for j in range(longest)
                for c in self.clients if j < len(c.conns)]

    def burst_initiate_all(self):
        """The storm's arrival: all N requests wait in the stopped
        gateway's socket at once, as when a gateway comes back to a
        population that is already trying to reconnect."""
        return self.burst_initiate(self.all_conns())

    def wave_initiate_all(self):
        """A network blip: every client reconnects at once, to a
        gateway that kept running.  The requests arrive in waves of
        BLIP_WAVE, each held in the stopped gateway's socket and
        released together, the next when the last is up: back-to-back
        work for the gateway, as in the storm, but no more than stock
        5.2's socket holds, so that both builds resume every client
        and their CPU per IKE SA compares like with like."""
        conns = self.all_conns()
        start = None
        for i in range(0, len(conns), BLIP_WAVE):
            wave = conns[i:i + BLIP_WAVE]
            released = self.burst_initiate(wave)
            start = start or released
            # a wave that stalls (stock behind one address) is left
            # as it is; the phase counts what came up
            self.wait_all_up(released, target=i + len(wave), poll=0.1)
        return start

    def suspend_all(self):
        for c in self.clients:
            c.whack_many([["--name", conn, "--suspend"] for conn in c.conns])
        deadline = time.monotonic() + 60
        while self.up_count() > 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        # and until the gateway has deleted its side too: the next
        # phase's CPU is for reconnecting, not for tearing down
        while self.gw.established() > 0 and time.monotonic() < deadline:
            time.sleep(0.2)

    def gateway_counts(self, since):
        return gateway_log_counts(self.gw.log()[since:])

    def phase(self, name, action, retry_full=False):
        n = self.args.n
        since = len(self.gw.log())
        gw_sas0 = self.gw.established()
        rss0 = self.gw.rss_kib()
        cpu0 = self.gw.cpu_seconds()
        threads0 = self.gw.thread_cpu_seconds()
        drops0 = self.gw.udp_receive_drops()
        start = time.monotonic()
        # an action may say when the clients' requests were released
        start = action() or start
        wall = self.wait_all_up(start, retry_full)
        time.sleep(0.5)  # let the last responses be accounted
        user1, sys1 = self.gw.cpu_seconds()
        threads1 = self.gw.thread_cpu_seconds()
        user, system = user1 - cpu0[0], sys1 - cpu0[1]
        cpu = user + system
        counts = self.gateway_counts(since)
        up = self.up_count()
        gw_sas = self.gw.established()
        result = {
            "phase": name, "n": n, "up": up,
            "wall_s": wall, "cpu_s": cpu, "cpu_ms_per_sa": 1000 * cpu / max(up, 1),
            "user_ms_per_sa": 1000 * user / max(up, 1),
            "system_ms_per_sa": 1000 * system / max(up, 1),
            "main_ms_per_sa": 1000 * (threads1["main"] - threads0["main"]) / max(up, 1),
            "helpers_ms_per_sa": 1000 * (threads1["helpers"] - threads0["helpers"]) / max(up, 1),
            "resumed": counts["resumed"], "full": counts["full"],
            "gateway_udp_drops": self.gw.udp_receive_drops() - drops0,
            "rss_kib": self.gw.rss_kib(), "peak_rss_kib": self.gw.rss_kib("VmHWM"),
            "rss_kib_per_sa": (self.gw.rss_kib() - rss0) / n if name == "A" else None,
            "gateway_ike_sas_before": gw_sas0, "gateway_ike_sas": gw_sas,
            "rss_kib_before": rss0,
            "superseded_deleted": counts["superseded"],
        }
        print(f"  {self.build:8} {name}: {up}/{n} up in "
              f"{'timeout' if wall is None else f'{wall:.1f}s'}, gateway CPU "
              f"{result['cpu_ms_per_sa']:.2f} ms/SA (user {result['user_ms_per_sa']:.2f}, "
              f"system {result['system_ms_per_sa']:.2f}; main thread "
              f"{result['main_ms_per_sa']:.2f}, helpers {result['helpers_ms_per_sa']:.2f}), "
              f"resumed {counts['resumed']}, "
              f"full {counts['full']}, gateway UDP drops {result['gateway_udp_drops']}",
              flush=True)
        if name == "O":
            print(f"  {self.build:8} {name}: gateway IKE SAs {gw_sas0} -> {gw_sas} "
                  f"(old ones deleted as superseded: {counts['superseded']}), "
                  f"RSS {rss0 / 1024:.1f} -> {result['rss_kib'] / 1024:.1f} MiB", flush=True)
        return result

    def restart_gateway(self):
        # SIGKILL: no Delete reaches the clients, they keep their tickets
        self.gw.ipsec("kill")
        self.gw.ipsec("start")
        self.pin()

    def planned_restart(self):
        """ipsec.service's ExecStop (whack --shutdown, through the
        harness's ipsec stop) and ExecStart, with every client up"""
        start = time.monotonic()
        self.gw.ipsec("stop")
        self.stop_s = time.monotonic() - start
        self.gw.ipsec("start")
        self.pin()

    def client_outage(self):
        """Every client loses its network with no Delete, as after a
        crash, a sleep or a Wi-Fi to LTE hand-over: its pluto is
        killed and started again (the patched client keeps its ticket
        on disk), then everybody reconnects, one by one as in B."""
        for c in self.clients:
            c.ipsec("kill")
            c.ipsec("start")
            c.ipsec("whack", *self.client_impairs)
            c.ipsec("add", *c.conns)
        self.pin()
        self.initiate_all()

    def stop_all(self):
        """Stop every pluto that was started, delete the namespaces."""
        for h in [getattr(self, "gw", None)] + getattr(self, "clients", []):
            if h is not None:
                h.ipsec("stop", check=False)
        self.teardown()

    def run_callgrind(self):
        """Instructions per full handshake and per resumption."""
        k = self.args.n
        counts = {}
        try:
            self.setup()
            for phase, before in (("A", None), ("B", self.suspend_all)):
                if before:
                    before()
                self.gw.callgrind("-z")
                start = time.monotonic()
                self.initiate_all()
                if self.wait_all_up(start) is None:
                    raise RuntimeError(f"{self.build} {phase}: not all {k} up")
                time.sleep(1)
                counts[phase] = self.gw.callgrind("-d") / k
                groups = library_groups(*self.gw.callgrind_by_library())
                counts[phase + "_by_library"] = {g: ir / k for g, ir in groups.items()}
                print(f"  {self.build:8} {phase}: {counts[phase] / 1e6:.2f} M instructions per SA; "
                      + ", ".join(f"{g} {ir / k / 1e3:.0f} K" for g, ir in groups.items()),
                      flush=True)
        finally:
            self.stop_all()
        return counts

    def phases(self):
        """The phases in PHASES order, one result per step of this
        generator, so that the caller can run the other build's same
        phase in between: the machine's speed drifts over minutes, and
        a pair measured back to back compares like with like."""
        yield self.phase("A", self.initiate_all)
        self.suspend_all()
        yield self.phase("B", self.initiate_all)
        # a network blip: every client loses its IKE SA at once
        # and all reconnect together to a gateway that kept
        # running (and its tickets keys): both builds can resume
        self.suspend_all()
        yield self.phase("D", self.wave_initiate_all)
        # the storm: the gateway crashes and comes back; its clients
        # notice (here: suspend) and reconnect at once.  CPU is
        # measured on the new pluto, from the first reconnect.
        self.restart_gateway()
        self.suspend_all()
        yield self.phase("C", self.burst_initiate_all, retry_full=True)
        # the clients' side fails: all N still up on the gateway
        yield self.phase("O", self.client_outage, retry_full=True)
        # a planned restart with all N up: the unit's stop and start;
        # the clients notice (here: suspend, which after stock's Delete
        # finds nothing to suspend) and reconnect one by one
        self.planned_restart()
        print(f"  {self.build:8} R: the gateway's stop (whack --shutdown) with "
              f"{self.args.n} IKE SAs took {self.stop_s:.1f}s", flush=True)
        self.suspend_all()
        yield self.phase("R", self.initiate_all, retry_full=True)


# requests per wave of the network blip (phase D): fewer than stock
# 5.2's 208 KiB socket holds (82-92 in the storm), so neither build
# drops any
BLIP_WAVE = 64

# in the order they run: full, resume one by one, resume all at once
# (a network blip), resume all at once after a gateway restart, the
# clients crash and resume, a planned restart (the unit's stop/start)
PHASES = "ABDCOR"


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def bench_arguments(doc, stock=True):
    """Signals that still tear everything down, and the arguments every
    benchmark of both builds takes (STOCK false: of the patched build
    alone); DOC's first line describes it"""
    # stopped from anywhere (TERM; INT even when started in the
    # background, which ignores it): still tear everything down
    def stop(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--patched", required=True)
    if stock:
        ap.add_argument("--stock", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    return ap


def run_rounds(args, sides, make_bench, phases):
    """ARGS.rounds rounds: every side (name, prefix) set up, then each
    phase of PHASES for one and the other, back to back; who goes first
    alternates from round to round.  MAKE_BENCH(args, name, prefix,
    round) makes a side's Bench.  The results, one per side and phase."""
    raw = []
    for r in range(args.rounds):
        order = list(sides)
        if r % 2:
            order.reverse()
        benches = [make_bench(args, build, prefix, r) for build, prefix in order]
        try:
            for b in benches:
                b.setup()
            steps = [(b, b.phases()) for b in benches]
            for ph in phases:
                for b, step in steps:
                    res = next(step)
                    res.update(build=b.build, round=r)
                    raw.append(res)
        finally:
            for b in benches:
                b.stop_all()
    return raw


def main():
    ap = bench_arguments(__doc__)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--layout", choices=["per-client", "cgnat"], default="per-client")
    ap.add_argument("--auth", choices=["psk", "ecdsa", "rsa"], default="psk",
                    help="PSK, or certificates: ECDSA P-256 or RSA-2048")
    ap.add_argument("--json", default=os.path.join(TOP, "build", "bench", "storm.json"))
    ap.add_argument("--pin", action="store_true",
                    help="the gateway alone on the last CPU, clients and whack on the others")
    ap.add_argument("--only", choices=["patched", "stock"],
                    help="one build only (profiling): no patched/stock ratios")
    ap.add_argument("--callgrind", type=int, metavar="K",
                    help="count the gateway's instructions for K handshakes instead")
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("storm: must run as root (network namespaces)")
    args.pin_cpus = None
    if args.pin:
        # the last CPU for the gateway, the others for everything
        # else, starting with this script
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) < 2:
            sys.exit("storm: --pin needs two CPUs")
        args.pin_cpus = (cpus[-1], cpus[:-1])
        os.sched_setaffinity(0, cpus[:-1])

    builds = {"patched": os.path.abspath(args.patched), "stock": os.path.abspath(args.stock)}
    if args.only:
        builds = {args.only: builds[args.only]}
    if args.callgrind:
        args.n = args.callgrind
        print(f"storm: callgrind, K={args.n} handshakes per phase, {args.layout} addresses, "
              f"{AUTH_NAMES[args.auth]}", flush=True)
        ir = {b: Bench(args, b, p, 0).run_callgrind() for b, p in builds.items()}
        print(f"\n{'phase':18} " + " ".join(f"{b:>14}" for b in builds))
        for ph, name in (("A", "full handshake"), ("B", "resumption")):
            print(f"{name:18} " + " ".join(f"{ir[b][ph] / 1e6:11.2f} MIr" for b in builds))
        print("\nper resumption, by the library that executes the instructions "
              "(NSS: its own code, its calls into libc, e.g. locks, counting as libc's; "
              "\"NSS, inclusive\": with them):")
        for b in builds:
            print(f"{b:8} " + ", ".join(f"{g} {x / 1e3:.0f} K"
                                        for g, x in ir[b]["B_by_library"].items()))
        for b in builds:
            print(f"{b}: full/resume instructions {ir[b]['A'] / ir[b]['B']:.1f}x")
        if len(builds) == 2:
            print(f"patched/stock instructions: full {ir['patched']['A'] / ir['stock']['A']:.2f}, "
                  f"resume {ir['patched']['B'] / ir['stock']['B']:.2f}")
        os.makedirs(os.path.dirname(args.json), exist_ok=True)
        suffix = "" if args.auth == "psk" else f"-{args.auth}"
        with open(args.json.replace(".json", f"-callgrind{suffix}.json"), "w") as f:
            json.dump({"args": vars(args), "instructions_per_sa": ir}, f, indent=1)
        return 0

    print(f"storm: N={args.n}, {args.layout} addresses, {args.rounds} round(s), "
          f"{AUTH_NAMES[args.auth]}, IKE only; builds alternate phase by phase", flush=True)
    # both builds set up, then each phase for one and the other
    raw = run_rounds(args, builds.items(), Bench, PHASES)

    table = {}
    for build in builds:
        for ph in PHASES:
            rows = [x for x in raw if x["build"] == build and x["phase"] == ph]
            table[(build, ph)] = {
                "cpu_ms_per_sa": median([x["cpu_ms_per_sa"] for x in rows]),
                "main_ms_per_sa": median([x["main_ms_per_sa"] for x in rows]),
                "helpers_ms_per_sa": median([x["helpers_ms_per_sa"] for x in rows]),
                "cpu_spread": (min(x["cpu_ms_per_sa"] for x in rows),
                               max(x["cpu_ms_per_sa"] for x in rows)),
                "wall_s": median([x["wall_s"] for x in rows]),
                "resumed": median([x["resumed"] for x in rows]),
                "full": median([x["full"] for x in rows]),
                "up": median([x["up"] for x in rows]),
                "peak_rss_kib": median([x["peak_rss_kib"] for x in rows]),
                "drops": max(x.get("gateway_udp_drops", 0) for x in rows),
                "rss_kib_per_sa": median([x["rss_kib_per_sa"] for x in rows]),
                "gateway_ike_sas_before": median([x["gateway_ike_sas_before"] for x in rows]),
                "gateway_ike_sas": median([x["gateway_ike_sas"] for x in rows]),
                "rss_kib_before": median([x["rss_kib_before"] for x in rows]),
                "rss_kib": median([x["rss_kib"] for x in rows]),
            }
    names = {"A": "full connect", "B": "suspend+resume", "D": "network blip storm",
             "C": "gateway restart storm", "O": "client-side outage",
             "R": "planned restart"}
    print()
    print(f"{'phase':24} {'build':8} {'CPU ms/SA (median, min-max)':30} {'wall s':>7} "
          f"{'up':>6} {'resumed':>8} {'full':>6} {'peak RSS':>10} {'UDP drops':>10}")
    for ph in PHASES:
        for build in builds:
            t = table[(build, ph)]
            wall = "-" if t["wall_s"] is None else f"{t['wall_s']:.1f}"
            print(f"{names[ph]:24} {build:8} "
                  f"{t['cpu_ms_per_sa']:6.2f} ({t['cpu_spread'][0]:.2f}-{t['cpu_spread'][1]:.2f})"
                  f"{'':12} {wall:>7} {t['up']:>6.0f} {t['resumed']:>8.0f} {t['full']:>6.0f} "
                  f"{t['peak_rss_kib'] / 1024:8.1f} MiB {t['drops']:>10}")
    print()
    # the serial bottleneck: what runs on pluto's one main thread
    # (every state transition) against its crypto helper threads
    print(f"{'phase':24} {'build':8} {'main thread ms/SA':>18} {'helpers ms/SA':>14} "
          f"{'main share':>11}")
    for ph in PHASES:
        for build in builds:
            t = table[(build, ph)]
            total = t["main_ms_per_sa"] + t["helpers_ms_per_sa"]
            share = f"{100 * t['main_ms_per_sa'] / total:.0f}%" if total else "-"
            print(f"{names[ph]:24} {build:8} {t['main_ms_per_sa']:18.2f} "
                  f"{t['helpers_ms_per_sa']:14.2f} {share:>11}")
    print()
    def ratio(a, b, fmt):
        # CPU is counted in clock ticks: a small N can measure 0
        return "n/a (too few ticks; raise -n)" if not b else fmt % (a / b)

    # patched against stock (none with --only)
    cpu = {(x["build"], x["phase"], x["round"]): x["cpu_ms_per_sa"] for x in raw}
    for ph in (PHASES if not args.only else ""):
        p, s = table[("patched", ph)]["cpu_ms_per_sa"], table[("stock", ph)]["cpu_ms_per_sa"]
        # and each round's pair, measured back to back
        pairs = [ratio(cpu[("patched", ph, r)], cpu[("stock", ph, r)], "%.2f")
                 for r in range(args.rounds)]
        print(f"ratio patched/stock, {names[ph]}: CPU per SA {ratio(p, s, '%.2f')} "
              f"(round by round: {' '.join(pairs)})")
    for build in builds:
        full = table[(build, "A")]["cpu_ms_per_sa"]
        for ph in "BD":
            print(f"{build} full/resume CPU per SA, {names[ph]}: "
                  f"{ratio(full, table[(build, ph)]['cpu_ms_per_sa'], '%.1fx')}")
    for build in builds:
        per_sa = table[(build, "C")]["cpu_ms_per_sa"]
        print(f"projection, 100K-client storm after a restart, {build}: "
              f"{per_sa * 100000 / 1000:.0f} gateway CPU-seconds")
    for build in builds:
        t = table[(build, "O")]
        print(f"client-side outage, {build}: gateway IKE SAs {t['gateway_ike_sas_before']:.0f} -> "
              f"{t['gateway_ike_sas']:.0f} (N={args.n}), RSS {t['rss_kib_before'] / 1024:.1f} -> "
              f"{t['rss_kib'] / 1024:.1f} MiB")
    for build in builds:
        t = table[(build, "R")]
        print(f"planned restart (ipsec.service stop/start, N={args.n} up), {build}: "
              f"{t['resumed']:.0f} resumed ({100 * t['resumed'] / args.n:.0f}%), "
              f"{t['full']:.0f} full, gateway CPU {t['cpu_ms_per_sa']:.2f} ms/SA")
    rss = table[("patched", "A")]["rss_kib_per_sa"] if "patched" in builds else None
    if rss is not None:
        print(f"patched gateway RSS per live IKE SA: {rss:.1f} KiB")
    if args.auth != "psk" and args.json.endswith("storm.json"):
        args.json = args.json.replace("storm.json", f"storm-{args.auth}.json")
    write_raw(args, raw)
    return 0


def write_raw(args, raw):
    """The raw figures, with the arguments, as JSON in ARGS.json"""
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump({"args": vars(args), "raw": raw}, f, indent=1)
    print(f"raw results: {args.json}")


if __name__ == "__main__":
    sys.exit(main())
