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

  store.py --patched PREFIX [-n N] [--rounds R] [--tickets sealed|reference]
           [--timeout MS] [--json FILE]

The store side's gateway waits up to --timeout (default 1000 ms, not the
50 ms default) for each answer: this measures what the store costs, not
the failure policy under a CPU-starved test machine.
"""

import os
import re
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


class StoreBench(storm.Bench):
    """storm.Bench whose gateway, on the "store" side, uses a Redis"""

    def setup(self):
        super().setup()
        if self.build != "store":
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
            + (f"\tsession-resumption-store-tickets={self.args.tickets}\n"
               if self.args.tickets != "sealed" else ""), 1)
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
        if self.build == "store":
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

    def phase(self, name, action, retry_full=False):
        if self.build != "store":
            return super().phase(name, action, retry_full)
        cmd0 = self.commandstats()
        req0 = self.store_requests()
        res = super().phase(name, action, retry_full)
        cmd1 = self.commandstats()
        # C: a new pluto, its counters start at 0
        req1 = self.store_requests()
        delta = {c: (v[0] - cmd0.get(c, (0, 0))[0], v[1] - cmd0.get(c, (0, 0))[1])
                 for c, v in cmd1.items() if c not in NOT_WORK}
        calls = sum(v[0] for c, v in delta.items() if c in ROUND_TRIPS)
        resumed = res["resumed"]
        asked = {c: v for c, v in delta.items() if c in ("eval", "getdel") and v[0] > 0}
        res.update(redis_calls=calls, redis_by_command={c: v[0] for c, v in delta.items()},
                   store_requests=req1 - req0,
                   round_trips_per_resumption=(calls / resumed if resumed else None),
                   requests_per_resumption=((req1 - req0) / resumed if resumed else None),
                   redis_usec_per_call={c: v[1] / v[0] for c, v in asked.items()})
        print(f"  {'store':8} {name}: Redis round trips {calls} "
              f"(commandstats: {', '.join(f'{c} {v[0]}' for c, v in delta.items() if v[0])}), "
              f"pluto store requests {req1 - req0}, resumed {resumed}: "
              + (f"{calls / resumed:.2f} round trips per resumption" if resumed else "no resumption"),
              flush=True)
        return res


median = storm.median


def main():
    ap = storm.bench_arguments(__doc__, stock=False)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--tickets", choices=["sealed", "reference"], default="sealed")
    ap.add_argument("--timeout", type=int, default=1000, metavar="MS")
    ap.add_argument("--json", default=os.path.join(storm.TOP, "build", "bench", "store.json"))
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("store: must run as root (network namespaces)")
    # what storm.Bench expects of its arguments
    args.layout, args.auth, args.callgrind, args.pin_cpus = "per-client", "psk", None, None
    if subprocess.run(["sh", "-c", "command -v redis-server"], capture_output=True).returncode:
        sys.exit("store: needs redis-server (Debian's redis-server package)")
    prefix = os.path.abspath(args.patched)
    sides = ["local", "store"]
    print(f"store: N={args.n}, {args.rounds} round(s), tickets {args.tickets}, "
          f"store timeout {args.timeout}ms, PSK, IKE only; local and store alternate phase by phase",
          flush=True)
    raw = storm.run_rounds(args, [(side, prefix) for side in sides], StoreBench, PHASES)

    print()
    print(f"{'phase':24} {'side':6} {'CPU ms/SA (median, min-max)':30} {'up':>6} "
          f"{'resumed':>8} {'full':>6} {'round trips/resumption':>24}")
    table = {}
    for ph in PHASES:
        for side in sides:
            rows = [x for x in raw if x["build"] == side and x["phase"] == ph]
            cpu = [x["cpu_ms_per_sa"] for x in rows]
            rt = median([x.get("round_trips_per_resumption") for x in rows])
            table[(side, ph)] = {"cpu": median(cpu), "rt": rt}
            print(f"{NAMES[ph]:24} {side:6} {median(cpu):6.2f} ({min(cpu):.2f}-{max(cpu):.2f})"
                  f"{'':12} {median([x['up'] for x in rows]):>6.0f} "
                  f"{median([x['resumed'] for x in rows]):>8.0f} "
                  f"{median([x['full'] for x in rows]):>6.0f} "
                  f"{'-' if rt is None else f'{rt:.2f}':>24}")
    print()
    for ph in "BDC":
        s, l = table[("store", ph)]["cpu"], table[("local", ph)]["cpu"]
        pairs = []
        for r in range(args.rounds):
            a = [x["cpu_ms_per_sa"] for x in raw if x["build"] == "store" and x["phase"] == ph and x["round"] == r]
            b = [x["cpu_ms_per_sa"] for x in raw if x["build"] == "local" and x["phase"] == ph and x["round"] == r]
            pairs.append(f"{a[0] / b[0]:.2f}" if b and b[0] else "n/a")
        print(f"ratio store/local, {NAMES[ph]}: CPU per resumed SA "
              f"{'n/a (too few ticks; raise -n)' if not l else f'{s / l:.2f}'} "
              f"(target <= 1.3; round by round: {' '.join(pairs)}); "
              f"round trips per resumption {table[('store', ph)]['rt']:.2f} (target 1)")
    usec = [u for x in raw if x["build"] == "store" and x["phase"] in "BDC"
            for u in x.get("redis_usec_per_call", {}).values()]
    if usec:
        u = median(usec)
        print(f"Redis time per resumption's call: {u:.1f} us (median): one Redis core "
              f"sustains about {1e6 / u:.0f} resumptions/s, whatever the number of members "
              f"(one round trip each)")
    storm.write_raw(args, raw)
    return 0


if __name__ == "__main__":
    sys.exit(main())
