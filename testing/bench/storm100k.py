#!/usr/bin/python3
"""The reconnect storm at 100,000 clients, measured (issue #22, item 1).

storm.py's topology (one gateway pluto and many client plutos, each in a
namespace of its own on a bridge; each client its own address, a /32 on
its client pluto; N connections with distinct IDs, IKE level only), with
what a storm of that size needs and storm.py does not do:

- the clients run with libreswan's DEFAULT retransmit timers (0.5 s,
  doubled each time, 60 s in all): no suppress-retransmits and no
  retransmit-timeout of their own, in every phase;
- a client pluto initiates its connections by alias (connalias=), a
  chunk of them per whack, and all client plutos do so at once, paced
  only by a window of connections in flight over all of them (phase A:
  minutes, not hours, for 100K full handshakes);
- per client, the time from the gateway's release (phase C; phase A and
  B: from its own initiation) to its IKE SA up, from the timestamps of
  the client plutos' logs (logtime=yes): median, 99th percentile, max;
- the retransmits and the retransmit timeouts the client plutos logged;
  the gateway's UDP drops (RcvbufErrors in its namespace), its peak RSS
  and its CPU-seconds (main thread and helpers, /proc/PID/task/*/stat);
  resumed and full (the gateway's log); the client plutos' CPU and RSS,
  the machine's load, MemAvailable at its lowest;
- a client whose attempt ended without an IKE SA (its retransmits timed
  out, or its ticket was refused: stock 5.2 then schedules a revival
  in 5 s) is initiated again by this script when the back-off that its
  pluto logged has passed, as pluto's revival would have (it stays
  impaired: after the refused Child SA of the host tier it would
  retry forever), at most --max-revivals times: counted as "revived".

The builds run one after the other, not side by side as in storm.py:
two rigs of 100K would not fit in memory.  Phases (--phases, in order):

  A  full connect, paced by the window
  B  every client suspends, then resumes, paced by the window (optional)
  C  the gateway is killed (SIGKILL: no Delete) and started again, held
     stopped (SIGSTOP) while every client suspends and sends its
     IKE_SESSION_RESUME request (and, with the default timers, its
     retransmits), then released (SIGCONT) into the storm

Rig limits, checked and reported before a build is set up: the
neighbour table (global: its gc_thresh are the init namespace's; the
gateway routes every client address through its client pluto's LAN
address, so it needs one entry per client pluto), addresses per client
pluto (storm.py's 800: stock 5.2's pluto hangs at start-up with ~1000,
fixed by patch 0019), file descriptors (a pluto has two UDP sockets per
address: RLIMIT_NOFILE is raised to its hard limit), memory (the
per-IKE-SA RSS of the gateway and of the client plutos of an earlier
run at a smaller N, extrapolated, against MemAvailable), and the
client side's CPU (client plutos share the cores with the gateway;
--pin gives the gateway one of its own).

  storm100k.py --patched PREFIX --stock PREFIX -n N [--stock-n N]
               [--builds patched,stock] [--phases AC] [--window W]
               [--pin] [--phase-timeout S] [--deadline HH:MM] [--report]

The hosts' directories are on a tmpfs, /dev/shm/storm100k/BUILD-N (a
patched client pluto fsync()s each of its hundreds of tickets; --keep
keeps them after the run).  Each build's results go to
build/bench/storm100k-BUILD-N.json as soon as
it is done; --report prints the tables of those that exist.  It asserts
nothing: it measures.
"""

import concurrent.futures
import datetime
import json
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import storm  # noqa: E402

# connections per alias: what one whack initiates
CHUNK = 20
# connections in flight (initiated, not up) over all client plutos: at
# N=10,000 a window of 400 waited 3.5 s per client (the gateway's
# pace), past the first retransmits (0.5, 1.5, 3.5 s): 4.4 retransmits
# per client, each a duplicate for both ends to handle
WINDOW = 100
# how long nothing may come up before a phase is given up (longer
# than the default retransmit timeout, 60 s, and a revival's back-off)
STALL = 90.0
MONTHS = {m: i for i, m in enumerate(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1)}
# a client pluto's log line about one of its connections
# what pluto's revival (impaired: "IMPAIR: revival: skip scheduling")
# would have done: its back-off
REVIVAL = re.compile(r"revival attempt \d+ scheduled in (\d+) seconds")
LINE = re.compile(r'^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d)\.(\d+): "(client-\d+)" #\d+: (.*)$')


def log_time(mon, day, hh, mm, ss, frac, year):
    """pluto's logtime (local time) as seconds since the epoch"""
    return datetime.datetime(year, MONTHS[mon], int(day), int(hh), int(mm), int(ss),
                             int(frac.ljust(6, "0")[:6])).timestamp()


class ClientLog:
    """What a client pluto logs, read as it grows: when each connection
    came up and how, retransmits, retransmit timeouts, requests sent"""

    def __init__(self, path):
        self.path = path
        self.offset = 0
        self.rest = b""
        self.year = datetime.date.today().year
        self.reset()

    def reset(self):
        self.up = {}          # conn: (time, resumed)
        self.revive_at = {}   # conn: when pluto would have revived it
        self.retransmits = 0
        self.timeouts = 0
        self.sent = 0

    def skip(self):
        """Count from here on"""
        self.offset = os.path.getsize(self.path)
        self.rest = b""
        self.reset()

    def read(self):
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            data = f.read()
        self.offset += len(data)
        data = self.rest + data
        cut = data.rfind(b"\n") + 1
        self.rest = data[cut:]
        for line in data[:cut].decode(errors="replace").splitlines():
            m = LINE.match(line)
            if m is None:
                continue
            msg = m.group(8)
            if msg.startswith("initiator established IKE SA"):
                self.up[m.group(7)] = (log_time(*m.group(1, 2, 3, 4, 5, 6), self.year),
                                       "authby=session-resume" in msg)
            elif msg.startswith("connection is supposed to remain up; revival attempt"):
                r = REVIVAL.search(msg)
                if r:
                    self.revive_at[m.group(7)] = (log_time(*m.group(1, 2, 3, 4, 5, 6), self.year)
                                                  + int(r.group(1)))
            elif "retransmission; will wait" in msg:
                self.retransmits += 1
            elif "timeout exceeded after" in msg or "max number of retransmissions" in msg:
                self.timeouts += 1
            elif msg.startswith(("sent IKE_SA_INIT request", "sent IKE_SESSION_RESUME request")):
                self.sent += 1


def percentile(values, p):
    """The P-th percentile (nearest rank) of VALUES, sorted"""
    if not values:
        return None
    return values[min(len(values) - 1, max(0, -(-len(values) * p // 100) - 1))]


def rusage_s(r):
    return r.ru_utime + r.ru_stime


def machine_jiffies():
    """(busy, total) jiffies of all CPUs, from /proc/stat"""
    fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def mem_available_kib():
    for line in open("/proc/meminfo"):
        if line.startswith("MemAvailable:"):
            return int(line.split()[1])
    return 0


class Storm100k(storm.Bench):
    """storm.Bench with default timers, alias initiation and a window"""

    client_impairs = ("--impair", "revival")

    def __init__(self, args, build, prefix):
        super().__init__(args, build, prefix, f"100k-{args.n}")
        # on a tmpfs: a patched client pluto writes each ticket to its
        # NSS directory with two fsync()s (ikev2_resume_file.c), which
        # on this machine's disk took ~60 ms each and made a client
        # pluto handle 8 IKE_AUTH responses a second (a real client
        # has one ticket, not 800); the logs are read as they grow
        os.rmdir(self.work)
        self.work = os.path.join(WORK, f"{build}-{args.n}")
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)
        self.addresses_per_pluto = args.addresses_per_pluto
        self.plutos = max(storm.CLIENT_PLUTOS, -(-args.n // self.addresses_per_pluto))

    def client_address(self, i):
        # 10.64.0.1 on, 250 to a /24: storm.py's 198.19.x.y runs out
        # at 64,000; these are /32s routed via the client pluto, in
        # the namespaces only
        return f"10.{64 + i // 62500}.{(i // 250) % 250}.{i % 250 + 1}"

    def client_conn_extra(self, i, k):
        # client-I is the (I // plutos)-th connection of client pluto K;
        # no updown: the refused Child SA ran the updown script, a
        # shell and an "ip route get" per client, ~1 s each on this
        # machine under load, one at a time per client pluto
        return (f'\tconnalias="all-{k} g{k}-{(i // self.plutos) // CHUNK}"\n'
                "\tleftupdown=%disabled\n")

    def start_clients(self):
        # in parallel: a client pluto takes a while to start with its
        # hundreds of addresses and add its connections
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(self.start_client, self.clients))
        for k, c in enumerate(self.clients):
            c.k = k
            c.chunks = [f"g{k}-{j}" for j in range(-(-len(c.conns) // CHUNK))]
            c.tail = ClientLog(os.path.join(c.dir, "pluto.log"))

    def stop_all(self):
        # SIGKILL, not whack --shutdown: a pluto with 100K IKE SAs
        # takes minutes to send its Deletes, and nobody checks them
        self.teardown()
        if not self.args.keep:
            # the logs of 100K clients: hundreds of MiB of RAM
            shutil.rmtree(self.work, ignore_errors=True)

    # --- driving the client plutos ----------------------------------------

    def whack(self, c, *args):
        """whack to client pluto C without waiting for it (its control
        socket is a file: no need to enter its namespace)"""
        libexec = os.path.join(self.prefix, "libexec", "ipsec")
        ctl = os.path.join(c.dir, "run", "pluto.ctl")
        return subprocess.Popen([os.path.join(libexec, "whack"), "--ctlsocket", ctl, *args],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def whack_all(self, *args):
        """ARGS to every client pluto at once, with CLIENT replaced by
        the client pluto's number; waits for all"""
        procs = [self.whack(c, *(a.replace("CLIENT", str(c.k)) for a in args))
                 for c in self.clients]
        for p in procs:
            p.wait()

    def read_logs(self):
        for c in self.clients:
            c.tail.read()

    def up(self):
        return {conn: t for c in self.clients for conn, t in c.tail.up.items()}

    def states(self, c):
        """The connections of client pluto C that have a state"""
        libexec = os.path.join(self.prefix, "libexec", "ipsec")
        out = storm.run([os.path.join(libexec, "whack"), "--ctlsocket",
                         os.path.join(c.dir, "run", "pluto.ctl"), "--showstates"],
                        check=False).stdout
        return set(re.findall(r'"(client-\d+)"', out)), len(re.findall("ESTABLISHED_IKE_SA", out))

    def revive(self, revivals):
        """Initiate again each connection whose attempt ended without
        an IKE SA (a retransmit timeout, a refused ticket) once the
        back-off that pluto logged for its revival has passed, as its
        revival would have (the impaired revival of an IKE SA that is
        up, after the refused Child SA, is no reconnect), at most
        --max-revivals times each; returns how many"""
        now = time.time()
        count = 0
        for c in self.clients:
            due = [conn for conn, at in c.tail.revive_at.items()
                   if at <= now and conn not in c.tail.up]
            for conn in due:
                del c.tail.revive_at[conn]
            due = [conn for conn in due if revivals.get(conn, 0) < self.args.max_revivals]
            if not due:
                continue
            for conn in due:
                revivals[conn] = revivals.get(conn, 0) + 1
            count += len(due)
            libexec = os.path.join(self.prefix, "libexec", "ipsec")
            ctl = os.path.join(c.dir, "run", "pluto.ctl")
            script = "\n".join(f"{libexec}/whack --ctlsocket {ctl} --name {conn} "
                                "--initiate --asynchronous >/dev/null 2>&1" for conn in due)
            p = subprocess.Popen(["sh", "-s"], stdin=subprocess.PIPE, text=True)
            p.stdin.write(script + "\n")
            p.stdin.close()
            self.procs.append(p)
        return count

    def drive(self, start, paced, revivals, initiated):
        """Until all N are up, the phase's bound, or a stall: with
        PACED, initiate chunks while fewer than the window are in
        flight (INITIATED: conn -> when); revive what ended without
        an IKE SA.  Returns the wall time to the last up, or None."""
        n = self.args.n
        queue = []
        if paced:
            # round robin over the client plutos: all of them at once
            longest = max(len(c.chunks) for c in self.clients)
            queue = [(c, j) for j in range(longest) for c in self.clients if j < len(c.chunks)]
            queue.reverse()
        self.procs = []
        last_up, last_change = -1, time.monotonic()
        self.min_available = mem_available_kib()
        while True:
            self.read_logs()
            # cheap: at 100K this runs five times a second
            up = sum(len(c.tail.up) for c in self.clients)
            now = time.monotonic()
            if up >= n:
                return max(t for t, _ in self.up().values()) - self.release_epoch
            if up != last_up:
                last_up, last_change = up, now
            if (now - start > self.args.phase_timeout or now - last_change > STALL
                    or time.time() > self.args.deadline):
                return None
            # every connection that came up was initiated
            in_flight = len(initiated) - up
            while queue and in_flight + CHUNK <= self.args.window:
                c, j = queue.pop()
                self.procs.append(self.whack(c, "--name", c.chunks[j], "--initiate",
                                             "--asynchronous"))
                at = time.time()
                for conn in c.conns[j * CHUNK:(j + 1) * CHUNK]:
                    initiated[conn] = at
                in_flight += CHUNK
            self.revived += self.revive(revivals)
            self.procs = [p for p in self.procs if p.poll() is None]
            self.min_available = min(self.min_available, mem_available_kib())
            time.sleep(0.2)

    def suspend_all(self):
        self.whack_all("--suspend", "--name", "all-CLIENT")
        deadline = time.monotonic() + 120
        while (sum(self.states(c)[1] for c in self.clients) > 0
               and time.monotonic() < deadline):
            time.sleep(1)

    def hold_and_release(self):
        """Phase C's arrival: the restarted gateway stopped while every
        client sends its request (and retransmits it, default timers),
        released once all N are sent or after --hold seconds"""
        pid = self.gw.pid()
        os.kill(pid, signal.SIGSTOP)
        try:
            self.whack_all("--name", "all-CLIENT", "--initiate", "--asynchronous")
            deadline = time.monotonic() + self.args.hold
            while time.monotonic() < deadline:
                self.read_logs()
                if sum(c.tail.sent for c in self.clients) >= self.args.n:
                    break
                time.sleep(0.2)
            self.hold_s = self.args.hold - max(0.0, deadline - time.monotonic())
        finally:
            # measured from here: the gateway's CPU, each client's time
            self.cpu_before = self.gateway_cpu()
            self.release_epoch = time.time()
            os.kill(pid, signal.SIGCONT)
        return time.monotonic()

    # --- measuring ---------------------------------------------------------

    def gateway_cpu(self):
        return self.gw.thread_cpu_seconds()

    def clients_cpu(self):
        return sum(sum(c.cpu_seconds()) for c in self.clients)

    def clients_rss_kib(self):
        return sum(c.rss_kib() for c in self.clients)

    def gateway_log_since(self, offset):
        with open(os.path.join(self.gw.dir, "pluto.log"), "rb") as f:
            f.seek(offset)
            return f.read().decode(errors="replace")

    def phase(self, name):
        n = self.args.n
        for c in self.clients:
            c.tail.skip()
        self.revived = 0
        self.hold_s = None
        revivals, initiated = {}, {}
        drops0 = self.gw.udp_receive_drops()
        clients_cpu0 = self.clients_cpu()
        driver0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        busy0 = machine_jiffies()
        load0 = os.getloadavg()[0]
        if name == "C":
            # the new gateway's lines: its log was appended to
            gw_offset = self.gw_offset_restart
            start = self.hold_and_release()
            # every client was initiated at the release
            initiated = {conn: self.release_epoch for c in self.clients for conn in c.conns}
            paced = False
        else:
            if name == "B":
                self.suspend_all()
            gw_offset = os.path.getsize(os.path.join(self.gw.dir, "pluto.log"))
            self.cpu_before = self.gateway_cpu()
            self.release_epoch = time.time()
            start = time.monotonic()
            paced = True
        wall = self.drive(start, paced, revivals, initiated)
        time.sleep(0.5)
        self.read_logs()
        cpu1 = self.gateway_cpu()
        busy1 = machine_jiffies()
        up = self.up()
        # per client: from the release (C) or its own initiation (A, B)
        times = sorted(t - initiated.get(conn, self.release_epoch)
                       for conn, (t, _) in up.items())
        counts = storm.gateway_log_counts(self.gateway_log_since(gw_offset))
        main = cpu1["main"] - self.cpu_before["main"]
        helpers = cpu1["helpers"] - self.cpu_before["helpers"]
        result = {
            "phase": name, "build": self.build, "n": n, "plutos": self.plutos,
            "up": len(up),
            "up_showstates": sum(self.states(c)[1] for c in self.clients),
            "wall_s": wall,
            "phase_s": time.monotonic() - start,
            "hold_s": self.hold_s,
            "client_s_median": statistics.median(times) if times else None,
            "client_s_p99": percentile(times, 99), "client_s_max": times[-1] if times else None,
            "resumed": counts["resumed"], "full": counts["full"],
            "clients_resumed": sum(1 for _, r in up.values() if r),
            "retransmits": sum(c.tail.retransmits for c in self.clients),
            "retransmit_timeouts": sum(c.tail.timeouts for c in self.clients),
            "requests_sent": sum(c.tail.sent for c in self.clients),
            "revived": self.revived,
            "gateway_udp_drops": self.gw.udp_receive_drops() - drops0,
            "gateway_cpu_s": main + helpers, "gateway_main_s": main, "gateway_helpers_s": helpers,
            "gateway_ms_per_sa": 1000 * (main + helpers) / max(len(up), 1),
            "gateway_rss_kib": self.gw.rss_kib(), "gateway_peak_rss_kib": self.gw.rss_kib("VmHWM"),
            "gateway_fds": len(os.listdir(f"/proc/{self.gw.pid()}/fd")),
            "clients_cpu_s": self.clients_cpu() - clients_cpu0,
            "clients_rss_kib": self.clients_rss_kib(),
            # the whacks (and their shells) that this script ran
            "whacks_cpu_s": rusage_s(resource.getrusage(resource.RUSAGE_CHILDREN)) - rusage_s(driver0),
            "client_fds_max": max(len(os.listdir(f"/proc/{c.pid()}/fd")) for c in self.clients),
            "machine_busy": (busy1[0] - busy0[0]) / max(busy1[1] - busy0[1], 1),
            "load_before": load0, "load_after": os.getloadavg()[0],
            "mem_available_min_kib": self.min_available,
        }
        def s(x):
            return "-" if x is None else f"{x:.2f}"
        print(f"  {self.build:8} {name}: {len(up)}/{n} up "
              f"({'bound or stall' if wall is None else f'last {wall:.1f}s after the start'}), "
              f"per client median {s(result['client_s_median'])} p99 {s(result['client_s_p99'])} "
              f"max {s(result['client_s_max'])} s; resumed {counts['resumed']} full {counts['full']}; "
              f"retransmits {result['retransmits']}, timeouts {result['retransmit_timeouts']}, "
              f"revived {self.revived}; UDP drops {result['gateway_udp_drops']}; gateway CPU "
              f"{main + helpers:.1f} s (main {main:.1f}, helpers {helpers:.1f}), peak RSS "
              f"{result['gateway_peak_rss_kib'] / 1024:.0f} MiB; clients CPU "
              f"{result['clients_cpu_s']:.1f} s, RSS {result['clients_rss_kib'] / 1024:.0f} MiB; "
              f"whacks CPU {result['whacks_cpu_s']:.1f} s",
              flush=True)
        return result

    def run(self, phases):
        results = []
        try:
            t = time.monotonic()
            self.setup()
            self.setup_s = time.monotonic() - t
            print(f"  {self.build:8} set up: gateway and {self.plutos} client plutos, "
                  f"{self.args.n} connections, in {self.setup_s:.0f}s", flush=True)
            for ph in phases:
                if time.time() > self.args.deadline:
                    print(f"  {self.build:8} {ph}: not run, past the deadline", flush=True)
                    break
                if ph == "C":
                    self.gw_offset_restart = os.path.getsize(
                        os.path.join(self.gw.dir, "pluto.log"))
                    self.restart_gateway()
                    self.suspend_all()
                results.append(self.phase(ph))
        finally:
            self.stop_all()
        return results


# --- the rig's limits --------------------------------------------------------

def rig_limits(args, plutos):
    """Check and report (and where it can be done in this process,
    raise) what limits the rig, before it is set up"""
    lines = []
    neigh = {k: int(open(f"/proc/sys/net/ipv4/neigh/default/{k}").read())
             for k in ("gc_thresh1", "gc_thresh2", "gc_thresh3")}
    # the gateway: one entry per client pluto; each client pluto: one
    need = 2 * (plutos + 1)
    lines.append(f"neighbour table: global (a namespace has no gc_thresh of its own), "
                 f"gc_thresh1/2/3 {neigh['gc_thresh1']}/{neigh['gc_thresh2']}/"
                 f"{neigh['gc_thresh3']}; the rig needs {need} entries (one per client pluto on "
                 f"each side, client addresses routed via it): not raised")
    if need >= neigh["gc_thresh3"]:
        sys.exit(f"storm100k: {need} neighbour entries exceed gc_thresh3; raise "
                 f"--addresses-per-pluto")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = 2 * args.addresses_per_pluto + 256
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    lines.append(f"file descriptors: a client pluto needs ~{need} (two UDP sockets per "
                 f"address, {args.addresses_per_pluto} addresses); RLIMIT_NOFILE {soft} -> "
                 f"{max(soft, hard)} (raised to the hard limit, inherited by every pluto)")
    if need > max(soft, hard):
        sys.exit("storm100k: not enough file descriptors")
    lines.append(f"addresses per client pluto: {args.addresses_per_pluto} ({plutos} client plutos)"
                 f"; stock 5.2 hangs at start-up with ~1000 (patch 0019), so both builds keep "
                 f"storm.py's 800")
    cpus = sorted(os.sched_getaffinity(0))
    lines.append(f"client side's CPU: {len(cpus)} CPUs shared by the gateway and the client "
                 f"plutos" + (f"; --pin: gateway on CPU {args.pin_cpus[0]}, clients on "
                              f"{args.pin_cpus[1]}" if args.pin_cpus else " (no --pin)"))
    return lines


def memory_estimate(build, n):
    """(runs, KiB per client of the gateway's peak RSS, of the client
    plutos' RSS) from the saved runs of BUILD at a smaller N: the slope
    between the two largest, or with one run its RSS per client (which
    counts the plutos' own start-up size too: an upper bound); or None"""
    runs = {}
    for f in os.listdir(BENCH_DIR):
        m = re.fullmatch(rf"storm100k-{build}-(\d+)\.json", f)
        if m and int(m.group(1)) < n:
            res = json.load(open(os.path.join(BENCH_DIR, f)))["results"]
            runs[int(m.group(1))] = (max(r["gateway_peak_rss_kib"] for r in res),
                                     max(r["clients_rss_kib"] for r in res))
    if not runs:
        return None
    sizes = sorted(runs)[-2:]
    if len(sizes) == 1:
        k = sizes[0]
        return sizes, runs[k][0] / k, runs[k][1] / k
    lo, hi = sizes
    return (sizes, (runs[hi][0] - runs[lo][0]) / (hi - lo),
            (runs[hi][1] - runs[lo][1]) / (hi - lo))


BENCH_DIR = os.path.join(storm.TOP, "build", "bench")
# the hosts' directories (logs, NSS DBs, tickets)
WORK = "/dev/shm/storm100k"


def fmt(x, spec):
    return "-" if x is None else format(x, spec)


def print_table(path):
    data = json.load(open(path))
    res = data["results"]
    if not res:
        return
    r0 = res[0]
    print(f"\n{r0['build']}, N={r0['n']} ({r0['plutos']} client plutos), "
          f"set up in {data.get('setup_s', 0):.0f}s ({path}):")
    print(f"{'phase':6} {'up':>7} {'last up s':>10} {'per client s: median':>21} {'p99':>7} "
          f"{'max':>7} {'resumed':>8} {'full':>7} {'retrans':>8} {'timeouts':>9} {'revived':>8} "
          f"{'UDP drops':>10} {'gw CPU s':>9} {'main':>7} {'helpers':>8} {'ms/SA':>6} "
          f"{'gw peak RSS':>12} {'clients CPU s':>14} {'busy':>5}")
    for r in res:
        print(f"{r['phase']:6} {r['up']:>7} {fmt(r['wall_s'], '.1f'):>10} "
              f"{fmt(r['client_s_median'], '.2f'):>21} {fmt(r['client_s_p99'], '.2f'):>7} "
              f"{fmt(r['client_s_max'], '.2f'):>7} {r['resumed']:>8} {r['full']:>7} "
              f"{r['retransmits']:>8} {r['retransmit_timeouts']:>9} {r['revived']:>8} "
              f"{r['gateway_udp_drops']:>10} {r['gateway_cpu_s']:>9.1f} {r['gateway_main_s']:>7.1f} "
              f"{r['gateway_helpers_s']:>8.1f} {r['gateway_ms_per_sa']:>6.2f} "
              f"{r['gateway_peak_rss_kib'] / 1024:>8.0f} MiB {r['clients_cpu_s']:>14.1f} "
              f"{100 * r['machine_busy']:>4.0f}%")
    for r in res:
        extra = f", held {r['hold_s']:.1f}s stopped" if r.get("hold_s") is not None else ""
        print(f"  {r['phase']}: {r['requests_sent']} requests sent, up by showstates "
              f"{r['up_showstates']}, clients resumed {r['clients_resumed']}{extra}, phase "
              f"{r['phase_s']:.0f}s, load {r['load_before']:.1f} -> {r['load_after']:.1f}, "
              f"MemAvailable at least {r['mem_available_min_kib'] / 1048576:.1f} GiB, clients' "
              f"RSS {r['clients_rss_kib'] / 1024:.0f} MiB, whacks' CPU "
              f"{r.get('whacks_cpu_s', 0):.1f} s, fds gateway {r['gateway_fds']} / "
              f"client pluto {r['client_fds_max']}")


def deadline_epoch(hhmm):
    """HH:MM UTC, today, as seconds since the epoch (infinity: none);
    with a minute's margin for the teardown"""
    if hhmm is None:
        return float("inf")
    hh, mm = map(int, hhmm.split(":"))
    now = datetime.datetime.now(datetime.timezone.utc)
    return now.replace(hour=hh, minute=mm, second=0, microsecond=0).timestamp() - 60


def rig_arguments(ap):
    """The rig's arguments, shared with nsswalk.py"""
    ap.add_argument("--window", type=int, default=WINDOW,
                    help="connections in flight over all client plutos (A, B)")
    ap.add_argument("--hold", type=float, default=30.0,
                    help="C: longest the restarted gateway is held stopped")
    ap.add_argument("--phase-timeout", type=float, default=900.0,
                    help="a phase's bound, in seconds")
    ap.add_argument("--max-revivals", type=int, default=3)
    ap.add_argument("--deadline", metavar="HH:MM",
                    help="UTC: every phase ends by then (what came up is measured), "
                    "and no build or phase starts after it")
    ap.add_argument("--addresses-per-pluto", type=int, default=storm.ADDRESSES_PER_PLUTO)
    ap.add_argument("--keep", action="store_true",
                    help=f"keep the hosts' directories (under {WORK}) after the run")


def rig_settings(args):
    """What storm.Bench reads of its arguments, and the deadline as an epoch"""
    args.layout, args.auth, args.callgrind = "per-client", "psk", None
    args.deadline = deadline_epoch(args.deadline)


def main():
    ap = storm.bench_arguments(__doc__)
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("--stock-n", type=int, help="N for stock (default: -n)")
    ap.add_argument("--builds", default="patched,stock")
    ap.add_argument("--phases", default="AC")
    rig_arguments(ap)
    ap.add_argument("--pin", action="store_true")
    ap.add_argument("--force", action="store_true", help="even if memory looks short")
    ap.add_argument("--report", action="store_true", help="print the saved tables only")
    args = ap.parse_args()
    rig_settings(args)
    builds = {"patched": os.path.abspath(args.patched), "stock": os.path.abspath(args.stock)}
    wanted = [b for b in args.builds.split(",") if b]
    ns = {b: (args.stock_n or args.n) if b == "stock" else args.n for b in wanted}
    os.makedirs(BENCH_DIR, exist_ok=True)
    if args.report:
        for b in wanted:
            path = os.path.join(BENCH_DIR, f"storm100k-{b}-{ns[b]}.json")
            if os.path.exists(path):
                print_table(path)
        return 0
    if os.geteuid() != 0:
        sys.exit("storm100k: must run as root (network namespaces)")
    args.pin_cpus = None
    if args.pin:
        cpus = sorted(os.sched_getaffinity(0))
        args.pin_cpus = (cpus[-1], cpus[:-1])
        os.sched_setaffinity(0, cpus[:-1])
    for b in wanted:
        if time.time() > args.deadline:
            print(f"storm100k: {b} not run, past the deadline", flush=True)
            continue
        args.n = ns[b]
        bench = Storm100k(args, b, builds[b])
        print(f"storm100k: {b}, N={args.n}, phases {args.phases}, window {args.window}, "
              f"clients with libreswan's default retransmit timers", flush=True)
        for line in rig_limits(args, bench.plutos):
            print(f"  rig: {line}", flush=True)
        est = memory_estimate(b, args.n)
        avail = mem_available_kib()
        if est:
            at, gw, cl = est
            need = args.n * (gw + cl)
            print(f"  rig: memory: from N={'/'.join(map(str, at))}, the gateway's peak RSS "
                  f"{gw:.1f} KiB and the client plutos' {cl:.1f} KiB per client: "
                  f"{need / 1048576:.1f} GiB at N={args.n}, MemAvailable "
                  f"{avail / 1048576:.1f} GiB", flush=True)
            if need > 0.9 * avail and not args.force:
                sys.exit("storm100k: not enough memory (--force to try anyway)")
        else:
            print(f"  rig: memory: no smaller run of {b} to extrapolate from; MemAvailable "
                  f"{avail / 1048576:.1f} GiB", flush=True)
        results = bench.run(args.phases)
        path = os.path.join(BENCH_DIR, f"storm100k-{b}-{args.n}.json")
        with open(path, "w") as f:
            json.dump({"args": {k: v for k, v in vars(args).items()},
                       "setup_s": getattr(bench, "setup_s", None), "results": results}, f, indent=1)
        print_table(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
