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
        text = open(conf).read().replace(
            "config setup\n",
            "config setup\n"
            f"\tsession-resumption-store=redis://{REDIS}:6379\n"
            f"\tsession-resumption-store-timeout={self.args.timeout}ms\n"
            + (f"\tsession-resumption-store-tickets={self.tickets()}\n"
               if self.tickets() != "sealed" else ""), 1)
        open(conf, "w").write(text)
        self.gw.ipsec("stop")
        self.gw.ipsec("start")
        deadline = time.monotonic() + 10
        while "connected," not in self.store_status():
            if time.monotonic() > deadline:
                raise RuntimeError("the gateway did not connect to the store")
            time.sleep(0.1)
        self.pin()

    def restart_gateway(self):
        super().restart_gateway()
        if self.uses_store():
            deadline = time.monotonic() + 10
            while "connected," not in self.store_status():
                if time.monotonic() > deadline:
                    raise RuntimeError("the restarted gateway did not connect to the store")
                time.sleep(0.1)

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
