#!/usr/bin/python3
"""Cluster-store benchmark: what the shared store (session-resumption-store=,
patch 0048) costs a gateway per resumed IKE SA, against the local cache, in one run.

The reconnect storm of storm.py (same namespaces, clients and phases), with
one patched build set up twice side by side: "local", a gateway with its
own single-use cache only, and "store", the same gateway with a Redis
(Debian's redis-server, appendonly yes, appendfsync everysec) in a
namespace of its own on the gateway's LAN.  Each phase runs for one and
then the other, back to back; who goes first alternates by round.  Phases
(storm.py's): A full connect (to get the tickets), B suspend+resume one by
one, D network blip (waves of 64 at once), C gateway restart storm.

Per phase and side: gateway CPU per IKE SA that came up, resumed and full
handshakes; for the store side also the store's round trips per
resumption, counted twice: by Redis (INFO commandstats: the commands pluto
sends, EVAL and GETDEL, not those the scripts call) and by pluto
(--resumestatus requests=), and the
store's own time per call (usec_per_call of EVAL/GETDEL), which bounds
the resumptions per second one Redis core sustains for any number of
members.  Prints a table, the store/local CPU ratios (target <= 1.3), and
writes the raw figures as JSON.  It asserts nothing: it measures.

  store.py --patched PREFIX [-n N] [--rounds R] [--tickets sealed|reference|both]
           [--before PREFIX] [--phases ABDC] [--perf PHASE] [--timeout MS] [--json FILE]
  store.py --patched PREFIX --members 2 [-n N] [--rounds R] [--tickets ...]

--members 2 measures instead what one Redis carries for two members
(ClusterBench): gateways A and B share the cluster seed and the Redis,
the clients are split between them by address (half the client plutos
point at A, half at B), and in phase T both members are stopped while
every client sends its IKE_SESSION_RESUME and released together.  It
prints the resumptions per second through the one Redis (from the
release to the last resumption the members logged), Redis' own CPU per
resumption (schedstat of redis-server's threads), the commands per
resumption (INFO commandstats before and after, the scripts' calls
included) and each member's CPU per resumed SA.

Sides: "local", and "store" (sealed tickets) or "reference" (tickets by
reference, session-resumption-store-tickets=reference) or both, in the
same rounds, so each has its ratio to the same local side.  --before
PREFIX adds "before": the store side (sealed) with another build, a
copy of build/inst from before a change, for a before/after in ONE run.
CPU per SA is also read, to the nanosecond, from the gateway's threads'
/proc/PID/task/TID/schedstat ("ns" columns): the 10 ms ticks of
/proc/PID/stat are +-0.02 ms per SA at N=500, as large as what is
measured in D.  --perf PHASE records the gateway of every store side
with perf (-g, 4 kHz) during PHASE and prints its top symbols.

The store side's gateway waits up to --timeout (default 1000 ms, not the
50 ms default) for each answer: this measures what the store costs, not
the failure policy under a CPU-starved test machine.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import storm  # noqa: E402

REDIS = "198.18.0.2"
# storm.Bench.phases()' first four; O (the clients' outage) is not the store's business
PHASES = "ABDC"
NAMES = {"A": "full connect", "B": "suspend+resume", "D": "network blip storm",
         "C": "gateway restart storm"}
# what pluto sends (a round trip each); commandstats also counts what
# the scripts call (exists, get, set, ...), which costs no round trip
ROUND_TRIPS = {"eval", "evalsha", "getdel"}
# not the resumptions' work
NOT_WORK = {"info", "ping", "config", "auth", "select", "client", "hello", "command"}


def schedstat_ns(pid):
    """nanoseconds on CPU of all PID's threads (schedstat's first field)"""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            total += int(open(f"/proc/{pid}/task/{tid}/schedstat").read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread that just ended
    return total


class StoreBench(storm.Bench):
    """storm.Bench whose gateway, on a store side (every side but
    "local"), uses a Redis"""

    def uses_store(self):
        return self.build != "local"

    def tickets(self):
        return "reference" if self.build == "reference" else "sealed"

    def setup(self):
        super().setup()
        if not self.uses_store():
            return
        self.redis_ns = self.netns("redis")
        self.plug("redis", REDIS)
        self.redis_dir = os.path.join(self.work, "redis")
        os.makedirs(self.redis_dir)
        storm.run(["ip", "netns", "exec", self.redis_ns, "redis-server",
                   "--bind", REDIS, "--port", "6379", "--protected-mode", "no",
                   "--dir", self.redis_dir, "--appendonly", "yes",
                   "--appendfsync", "everysec", "--save", "",
                   "--daemonize", "yes", "--pidfile", os.path.join(self.redis_dir, "redis.pid"),
                   "--logfile", os.path.join(self.redis_dir, "redis.log")])
        for _ in range(100):
            if "PONG" in self.cli("ping", check=False).stdout:
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("redis-server did not answer PING")
        # the gateway again, now with the store
        conf = os.path.join(self.gw.dir, "ipsec.conf")
        text = open(conf).read().replace("config setup\n", "config setup\n" + self.store_setup(), 1)
        open(conf, "w").write(text)
        self.gw.ipsec("stop")
        self.gw.ipsec("start")
        self.wait_connected(self.gw, "the gateway")
        self.pin()

    def store_setup(self):
        """the config setup lines of a gateway with the store"""
        return (f"\tsession-resumption-store=redis://{REDIS}:6379\n"
                f"\tsession-resumption-store-timeout={self.args.timeout}ms\n"
                + (f"\tsession-resumption-store-tickets={self.tickets()}\n"
                   if self.tickets() != "sealed" else ""))

    def wait_connected(self, host, what):
        deadline = time.monotonic() + 10
        while "connected," not in host.ipsec("whack", "--resumestatus", check=False).stdout:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not connect to the store")
            time.sleep(0.1)

    def restart_gateway(self):
        super().restart_gateway()
        if self.uses_store():
            self.wait_connected(self.gw, "the restarted gateway")

    def cli(self, *args, check=True):
        return storm.run(["ip", "netns", "exec", self.redis_ns, "redis-cli", "-h", REDIS,
                          *args], check=check)

    def store_status(self):
        return self.gw.ipsec("whack", "--resumestatus", check=False).stdout

    def commandstats(self):
        """{command: (calls, usec)} from Redis"""
        stats = {}
        for m in re.finditer(r"^cmdstat_(\w+):calls=(\d+),usec=(\d+)",
                             self.cli("info", "commandstats").stdout, re.M):
            stats[m.group(1)] = (int(m.group(2)), int(m.group(3)))
        return stats

    def store_requests(self):
        m = re.search(r"store requests=(\d+)", self.store_status())
        return int(m.group(1)) if m else 0

    def measured_phase(self, name, action, retry_full):
        """storm's phase, with the CPU in ns from schedstat (and perf)"""
        ns0 = schedstat_ns(self.gw.pid())
        perf = None
        if self.uses_store() and self.args.perf == name:
            self.perf_data = os.path.join(self.work, f"perf-{name}.data")
            perf = subprocess.Popen(["perf", "record", "-q", "-F", "4000", "-g",
                                     "-o", self.perf_data, "-p", str(self.gw.pid())],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
        res = super().phase(name, action, retry_full)
        if perf is not None:
            perf.send_signal(signal.SIGINT)
            perf.wait(timeout=60)
            self.perf_report(name)
        # C: a new pluto; storm's phase measures it from its start too
        ns1 = schedstat_ns(self.gw.pid())
        if ns1 < ns0:
            ns0 = 0
        res["cpu_ns_per_sa"] = (ns1 - ns0) / max(res["up"], 1)
        return res

    def perf_report(self, name):
        r = storm.run(["perf", "report", "-i", self.perf_data, "--no-children",
                       "--stdio", "-q", "--percent-limit", "1.5", "-g", "none",
                       "--sort", "dso,symbol"], check=False)
        print(f"  {self.build:8} {name}: perf, gateway, self time >= 1.5%:")
        for line in r.stdout.splitlines()[:40]:
            if line.strip():
                print("    " + line.strip())

    def phase(self, name, action, retry_full=False):
        if not self.uses_store():
            return self.measured_phase(name, action, retry_full)
        cmd0 = self.commandstats()
        req0 = self.store_requests()
        res = self.measured_phase(name, action, retry_full)
        cmd1 = self.commandstats()
        # C: a new pluto, its counters start at 0
        req1 = self.store_requests()
        delta = {c: (v[0] - cmd0.get(c, (0, 0))[0], v[1] - cmd0.get(c, (0, 0))[1])
                 for c, v in cmd1.items() if c not in NOT_WORK}
        calls = sum(v[0] for c, v in delta.items() if c in ROUND_TRIPS)
        resumed = res["resumed"]
        asked = {c: v for c, v in delta.items() if c in ROUND_TRIPS and v[0] > 0}
        res.update(redis_calls=calls, redis_by_command={c: v[0] for c, v in delta.items()},
                   store_requests=req1 - req0,
                   round_trips_per_resumption=(calls / resumed if resumed else None),
                   requests_per_resumption=((req1 - req0) / resumed if resumed else None),
                   redis_usec_per_call={c: v[1] / v[0] for c, v in asked.items()})
        print(f"  {self.build:8} {name}: Redis round trips {calls} "
              f"(commandstats: {', '.join(f'{c} {v[0]}' for c, v in delta.items() if v[0])}), "
              f"pluto store requests {req1 - req0}, resumed {resumed}: "
              + (f"{calls / resumed:.2f} round trips per resumption" if resumed else "no resumption"),
              flush=True)
        return res


# member B of the two-member cluster (--members 2); A is storm's gateway
GATEWAY_B = "198.18.0.3"
# pluto's log line, with logtime=yes: "Dec  7 15:04:05.123456: ..."
RESUMED_AT = re.compile(r"^\w{3} [ \d]\d (\d\d):(\d\d):(\d\d\.\d+): .*"
                        r"responder established IKE SA; authenticated peer using authby=session-resume",
                        re.M)


def seconds_of_day(h, m, s):
    return int(h) * 3600 + int(m) * 60 + float(s)


class ClusterBench(StoreBench):
    """Two gateway members sharing one cluster seed and one Redis: A
    (storm's gateway, 198.18.0.1) and B (198.18.0.3, a second gateway
    namespace on the same LAN), each routing every client address to
    its client pluto.  The client plutos are split between them by
    address: c0, c2, ... connect to A, c1, c3, ... to B (so half the
    clients each).  Phases: A full connect (the tickets), T every
    client suspends, both members are stopped (SIGSTOP), every client
    sends its IKE_SESSION_RESUME, and both are continued at once: one
    burst through one Redis."""

    def __init__(self, args, build, prefix, round_nr):
        super().__init__(args, build, prefix, round_nr)
        # storm's tag is the side's first letter: "two" and "two-ref" differ
        self.tag = f"swb{os.getpid()}{'t' if build == 'two' else 'u'}"

    def tickets(self):
        return "reference" if self.build == "two-ref" else "sealed"

    def store_setup(self):
        return f"\tsession-resumption-cluster-seed={self.seed}\n" + super().store_setup()

    def setup(self):
        # one seed for the cluster (swan-cluster-seed's form): the epoch
        # of a 12 h rotation and 32 random octets, root-only
        self.seed = os.path.join(self.work, "cluster.seed")
        fd = os.open(self.seed, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, f"{int(time.time()) // 43200} {os.urandom(32).hex()}\n".encode())
        os.close(fd)
        super().setup()
        # member B: A's configuration on B's address
        self.netns("gwb")
        self.plug("gwb", GATEWAY_B)
        self.gwb = storm.Host(self, "gwb", self.prefix)
        conf = open(os.path.join(self.gw.dir, "ipsec.conf")).read()
        open(os.path.join(self.gwb.dir, "ipsec.conf"), "w").write(
            conf.replace(f"left={storm.GATEWAY}\n", f"left={GATEWAY_B}\n"))
        secrets = os.path.join(self.gwb.dir, "ipsec.secrets")
        shutil.copy(os.path.join(self.gw.dir, "ipsec.secrets"), secrets)
        os.chmod(secrets, 0o600)
        # B routes every client address via its client pluto, as A does
        routes = "".join(f"route add {self.client_address(i)}/32 via 198.18.1.{i % len(self.clients) + 1}\n"
                         for i in range(self.args.n))
        storm.run(["ip", "-n", self.gwb.ns, "-batch", "-"], input=routes)
        self.gwb.ipsec("start")
        self.wait_connected(self.gwb, "member B")
        # the odd client plutos go to B
        for k, c in enumerate(self.clients):
            if k % 2 == 0:
                continue
            c.ipsec("stop")
            path = os.path.join(c.dir, "ipsec.conf")
            text = open(path).read().replace(f"right={storm.GATEWAY}\n", f"right={GATEWAY_B}\n")
            open(path, "w").write(text)
            c.ipsec("start")
            c.ipsec("whack", "--impair", "revival", "--impair", "suppress-retransmits")
            c.ipsec("add", *c.conns)
        self.members = [self.gw, self.gwb]

    def redis_pid(self):
        return int(open(os.path.join(self.redis_dir, "redis.pid")).read())

    def suspend_all(self):
        super().suspend_all()
        deadline = time.monotonic() + 60
        while self.gwb.established() > 0 and time.monotonic() < deadline:
            time.sleep(0.2)

    def burst_both(self):
        """Both members stopped, every client's request sent, both
        continued: returns the (monotonic) time they were released"""
        conns = self.all_conns()
        since = {c.name: os.path.getsize(os.path.join(c.dir, "pluto.log"))
                 for c in self.clients}
        pids = [m.pid() for m in self.members]
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        try:
            self.initiate(conns)
            deadline = time.monotonic() + storm.UP_TIMEOUT
            while self.requests_sent(since) < len(conns) and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            for pid in pids:
                os.kill(pid, signal.SIGCONT)
            self.released_at = time.time()
        return time.monotonic()

    def cluster_phase(self, name, action):
        n = self.args.n
        since = [len(m.log()) for m in self.members]
        ns0 = [schedstat_ns(m.pid()) for m in self.members]
        drops0 = [m.udp_receive_drops() for m in self.members]
        # what an idle Redis spends anyway (serverCron, the AOF's fsync
        # every second), to take off its CPU over the phase
        idle0, t0 = schedstat_ns(self.redis_pid()), time.monotonic()
        time.sleep(2)
        idle_ns_per_s = (schedstat_ns(self.redis_pid()) - idle0) / (time.monotonic() - t0)
        redis0, r0 = schedstat_ns(self.redis_pid()), time.monotonic()
        cmd0 = self.commandstats()
        start = time.monotonic()
        self.released_at = time.time()
        start = action() or start
        wall = self.wait_all_up(start, poll=0.1)
        time.sleep(0.5)  # let the last responses be accounted
        ns1 = [schedstat_ns(m.pid()) for m in self.members]
        redis1, r1 = schedstat_ns(self.redis_pid()), time.monotonic()
        cmd1 = self.commandstats()
        up = self.up_count()
        per_member = []
        last = None
        for m, s0, c0, c1, d0 in zip(self.members, since, ns0, ns1, drops0):
            log = m.log()[s0:]
            counts = {
                "resumed": len(RESUMED_AT.findall(log)),
                "full": len(re.findall(r"responder established IKE SA; authenticated peer "
                                       r"using authby=secret", log)),
            }
            stamps = [seconds_of_day(*x) for x in RESUMED_AT.findall(log)]
            if stamps:
                last = max(stamps + ([last] if last is not None else []))
            up_here = counts["resumed"] + counts["full"]
            per_member.append(dict(counts, member=m.name, up=up_here,
                                   cpu_ns_per_sa=(c1 - c0) / max(up_here, 1),
                                   udp_drops=m.udp_receive_drops() - d0))
        resumed = sum(x["resumed"] for x in per_member)
        delta = {c: v[0] - cmd0.get(c, (0, 0))[0] for c, v in cmd1.items() if c not in NOT_WORK}
        calls = sum(v for c, v in delta.items() if c in ROUND_TRIPS)
        commands = sum(delta.values())
        # Redis' own time in the commands pluto sent (a script's
        # includes the calls it makes)
        usec = sum(v[1] - cmd0.get(c, (0, 0))[1] for c, v in cmd1.items() if c in ROUND_TRIPS)
        redis_ns = (redis1 - redis0) - idle_ns_per_s * (r1 - r0)
        # the burst's span: from the release to the last resumption a
        # member logged (its own clock, not this script's polling)
        t = time.localtime(self.released_at)
        released = t.tm_hour * 3600 + t.tm_min * 60 + t.tm_sec + self.released_at % 1
        span = (last - released) if last is not None else None
        res = {
            "phase": name, "n": n, "up": up, "wall_s": wall, "resumed": resumed,
            "full": sum(x["full"] for x in per_member), "members": per_member,
            "span_s": span,
            "resumptions_per_s": (resumed / span if span and span > 0 else None),
            "redis_cpu_ns": redis1 - redis0, "redis_idle_ns_per_s": idle_ns_per_s,
            "redis_cpu_us_per_resumption": (redis_ns / 1e3 / resumed if resumed else None),
            "redis_command_us_per_resumption": (usec / resumed if resumed else None),
            "redis_by_command": {c: v for c, v in delta.items() if v},
            "round_trips_per_resumption": (calls / resumed if resumed else None),
            "commands_per_resumption": (commands / resumed if resumed else None),
        }
        print(f"  {self.build:8} {name}: {up}/{n} up in "
              f"{'timeout' if wall is None else f'{wall:.1f}s'}, resumed {resumed}, full {res['full']}; "
              + "; ".join(f"member {x['member']}: {x['up']} up ({x['resumed']} resumed), "
                          f"CPU {x['cpu_ns_per_sa'] / 1e6:.3f} ms/SA, UDP drops {x['udp_drops']}"
                          for x in per_member)
              + (f"; {resumed} resumptions in {span:.2f}s from the release: "
                 f"{res['resumptions_per_s']:.0f}/s" if res["resumptions_per_s"] else "")
              + (f"; Redis CPU {res['redis_cpu_us_per_resumption']:.1f} us (its idle "
                 f"{idle_ns_per_s / 1e6:.1f} ms/s taken off; in the commands "
                 f"{res['redis_command_us_per_resumption']:.1f} us), "
                 f"{res['commands_per_resumption']:.2f} commands "
                 f"({', '.join(f'{c} {v}' for c, v in res['redis_by_command'].items())}), "
                 f"{res['round_trips_per_resumption']:.2f} round trips per resumption"
                 if resumed else ""), flush=True)
        return res

    def phases(self):
        yield self.cluster_phase("A", self.initiate_all)
        self.suspend_all()
        yield self.cluster_phase("T", self.burst_both)

    def stop_all(self):
        if getattr(self, "gwb", None) is not None:
            self.gwb.ipsec("stop", check=False)
        super().stop_all()


def two_members(args, prefix):
    """--members 2: the two-member cluster's burst, and its table"""
    sides = [(name, prefix) for name, t in (("two", "sealed"), ("two-ref", "reference"))
             if args.tickets in (t, "both")]
    print(f"store: two members (A {storm.GATEWAY}, B {GATEWAY_B}: the client plutos split "
          f"between them, half the clients each), one Redis, one cluster seed; N={args.n}, "
          f"{args.rounds} round(s), sides {', '.join(n for n, _ in sides)}; "
          "T: both members stopped, every client's resume sent, both released at once",
          flush=True)
    raw = storm.run_rounds(args, sides, ClusterBench, "AT")
    print()
    print(f"{'side':8} {'resumptions/s (median, min-max)':32} {'Redis CPU us/resumption':>24} "
          f"{'in commands':>12} "
          f"{'commands/resumption':>20} {'round trips':>12} {'member A ms/SA':>15} "
          f"{'member B ms/SA':>15} {'resumed':>8} {'full':>5}")
    for side, _ in sides:
        rows = [x for x in raw if x["build"] == side and x["phase"] == "T"]
        rate = [x["resumptions_per_s"] for x in rows if x["resumptions_per_s"]]
        rate_s = (f"{median(rate):8.0f} ({min(rate):.0f}-{max(rate):.0f})" if rate else "-")
        redis = median([x["redis_cpu_us_per_resumption"] for x in rows])
        in_cmds = median([x["redis_command_us_per_resumption"] for x in rows])
        cmds = median([x["commands_per_resumption"] for x in rows])
        rt = median([x["round_trips_per_resumption"] for x in rows])
        cpu = [median([x["members"][k]["cpu_ns_per_sa"] for x in rows]) / 1e6 for k in (0, 1)]
        print(f"{side:8} {rate_s:32} {'-' if redis is None else f'{redis:.1f}':>24} "
              f"{'-' if in_cmds is None else f'{in_cmds:.1f}':>12} "
              f"{'-' if cmds is None else f'{cmds:.2f}':>20} {'-' if rt is None else f'{rt:.2f}':>12} "
              f"{cpu[0]:15.3f} {cpu[1]:15.3f} {median([x['resumed'] for x in rows]):>8.0f} "
              f"{median([x['full'] for x in rows]):>5.0f}")
        if redis and redis > 0:
            print(f"{side}: Redis' own CPU, {redis:.1f} us per resumption (its idle taken off; "
                  f"{in_cmds:.1f} us in the commands themselves), bounds one Redis core at about "
                  f"{1e6 / redis:.0f} ({1e6 / in_cmds:.0f}) resumptions/s for any number of "
                  "members; the burst's rate above is what two members on this machine got "
                  "through it")
    args.json = args.json.replace("store.json", "store-two-members.json")
    storm.write_raw(args, raw)
    return 0


median = storm.median


def main():
    ap = storm.bench_arguments(__doc__, stock=False)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--tickets", choices=["sealed", "reference", "both"], default="sealed")
    ap.add_argument("--before", metavar="PREFIX",
                    help="and a third side: the store with this build (before a change)")
    ap.add_argument("--phases", default=PHASES,
                    help="a prefix of ABDC (A is needed: it gets the tickets)")
    ap.add_argument("--perf", metavar="PHASE", help="perf record the store gateways in PHASE")
    ap.add_argument("--timeout", type=int, default=1000, metavar="MS")
    ap.add_argument("--members", type=int, choices=[1, 2], default=1,
                    help="2: instead, two members sharing seed and store, released in one burst")
    ap.add_argument("--json", default=os.path.join(storm.TOP, "build", "bench", "store.json"))
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("store: must run as root (network namespaces)")
    if not PHASES.startswith(args.phases) or not args.phases:
        sys.exit(f"store: --phases must be a prefix of {PHASES}")
    phases = args.phases
    # what storm.Bench expects of its arguments
    args.layout, args.auth, args.callgrind, args.pin_cpus = "per-client", "psk", None, None
    if subprocess.run(["sh", "-c", "command -v redis-server"], capture_output=True).returncode:
        sys.exit("store: needs redis-server (Debian's redis-server package)")
    prefix = os.path.abspath(args.patched)
    if args.members == 2:
        return two_members(args, prefix)
    sides = [("local", prefix)]
    if args.tickets in ("sealed", "both"):
        sides.append(("store", prefix))
    if args.before:
        sides.append(("before", os.path.abspath(args.before)))
    if args.tickets in ("reference", "both"):
        sides.append(("reference", prefix))
    names = [n for n, _ in sides]
    print(f"store: N={args.n}, {args.rounds} round(s), sides {', '.join(names)}, "
          f"store timeout {args.timeout}ms, PSK, IKE only; the sides alternate phase by phase",
          flush=True)
    raw = storm.run_rounds(args, sides, StoreBench, phases)

    print()
    print(f"{'phase':24} {'side':9} {'CPU ms/SA (median, min-max)':28} {'ns: ms/SA':>9} {'up':>6} "
          f"{'resumed':>8} {'full':>6} {'round trips/resumption':>23}")
    table = {}
    for ph in phases:
        for side in names:
            rows = [x for x in raw if x["build"] == side and x["phase"] == ph]
            cpu = [x["cpu_ms_per_sa"] for x in rows]
            ns = median([x.get("cpu_ns_per_sa") for x in rows])
            rt = median([x.get("round_trips_per_resumption") for x in rows])
            table[(side, ph)] = {"cpu": median(cpu), "ns": ns, "rt": rt}
            print(f"{NAMES[ph]:24} {side:9} {median(cpu):6.2f} ({min(cpu):.2f}-{max(cpu):.2f})"
                  f"{'':10} {ns / 1e6:9.3f} {median([x['up'] for x in rows]):>6.0f} "
                  f"{median([x['resumed'] for x in rows]):>8.0f} "
                  f"{median([x['full'] for x in rows]):>6.0f} "
                  f"{'-' if rt is None else f'{rt:.2f}':>23}")
    print()
    for ph in [p for p in "BDC" if p in phases]:
        lt, ln = table[("local", ph)]["cpu"], table[("local", ph)]["ns"]
        for side in names[1:]:
            st, sn = table[(side, ph)]["cpu"], table[(side, ph)]["ns"]
            pairs = []
            for r in range(args.rounds):
                a = [x["cpu_ns_per_sa"] for x in raw if x["build"] == side and x["phase"] == ph and x["round"] == r]
                b = [x["cpu_ns_per_sa"] for x in raw if x["build"] == "local" and x["phase"] == ph and x["round"] == r]
                pairs.append(f"{a[0] / b[0]:.2f}" if b and b[0] else "n/a")
            rt = table[(side, ph)]["rt"]
            print(f"ratio {side}/local, {NAMES[ph]}: CPU per resumed SA "
                  f"{sn / ln if ln else float('nan'):.2f} by schedstat, "
                  f"{'n/a (too few ticks)' if not lt else f'{st / lt:.2f}'} by ticks "
                  f"(target <= 1.3; round by round: {' '.join(pairs)}); "
                  f"round trips per resumption {'-' if rt is None else f'{rt:.2f}'} (target 1)")
    for side in names[1:]:
        usec = [u for x in raw if x["build"] == side and x["phase"] in "BDC"
                for u in x.get("redis_usec_per_call", {}).values()]
        if usec:
            u = median(usec)
            print(f"{side}: Redis time per resumption's call: {u:.1f} us (median): one Redis core "
                  f"sustains about {1e6 / u:.0f} resumptions/s, whatever the number of members "
                  f"(one round trip each)")
    storm.write_raw(args, raw)
    return 0


if __name__ == "__main__":
    sys.exit(main())
