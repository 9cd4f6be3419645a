#!/usr/bin/python3
"""What it costs the gateway pluto to be woken for a packet: the same
packets sent one at a time, against in bursts, patched and stock.

Phase B of storm.py (clients resume one by one) costs the gateway
0.2 ms more per IKE SA than phase D (the same resumptions back to
back), in both builds.  This measures that difference on its own, with
no handshake in it: K IKEv2 INFORMATIONAL requests for IKE SAs that do
not exist (random SPIs), which pluto looks up, logs (one line each)
and drops.  Sent with a gap (TRICKLE_GAP_S), the gateway sleeps
between them and is woken for each, as in phase B; held in the
stopped gateway's socket (SIGSTOP) and released in waves of
storm.BLIP_WAVE, it reads them back to back, as in phase D.  The
gateway's CPU is read from /proc/PID/task/*/schedstat (run time in
nanoseconds, all threads), before and after.

  wakecost.py --patched PREFIX --stock PREFIX [-k K] [--rounds R]

Uses storm.py's set-up (namespaces of its own, a gateway and two
client plutos that stay idle) and tears it down afterwards.  It
asserts nothing: it measures.
"""

import os
import signal
import sys
import time
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import storm  # noqa: E402

# one packet every 5 ms: the gateway is idle between them
TRICKLE_GAP_S = 0.005
# an INFORMATIONAL request (exchange 37) from an initiator (flags
# 0x08), message ID 0, no payloads: its SPIs are filled in per packet
SENDER = r"""
import os, socket, struct, sys, time
k, gap, gw = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(k):
    spis = os.urandom(16)
    s.sendto(spis + struct.pack("!BBBBII", 0, 0x20, 37, 0x08, 0, 28), (gw, 500))
    if gap:
        time.sleep(gap)
"""


def gateway_run_ns(bench):
    """gateway run time in nanoseconds, all threads"""
    pid = bench.gw.pid()
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
            total += int(f.read().split()[0])
    return total


def dropped_logged(bench):
    """the packets the gateway logged as dropped"""
    return bench.gw.log().count("has no corresponding IKE SA; message dropped")


def send(bench, k, gap):
    storm.run(["ip", "netns", "exec", bench.clients[0].ns, sys.executable, "-c", SENDER,
               str(k), str(gap), storm.GATEWAY])


def measure(bench, k):
    # idle: what the gateway spends doing nothing for as long
    idle_s = k * TRICKLE_GAP_S
    t0 = gateway_run_ns(bench)
    time.sleep(idle_s)
    idle = gateway_run_ns(bench) - t0

    t0 = gateway_run_ns(bench)
    send(bench, k, TRICKLE_GAP_S)
    time.sleep(0.5)
    trickle = gateway_run_ns(bench) - t0
    trickle_logged = dropped_logged(bench)

    pid = bench.gw.pid()
    t0 = gateway_run_ns(bench)
    for start in range(0, k, storm.BLIP_WAVE):
        os.kill(pid, signal.SIGSTOP)
        try:
            send(bench, min(storm.BLIP_WAVE, k - start), 0)
        finally:
            os.kill(pid, signal.SIGCONT)
        time.sleep(0.05)
    time.sleep(0.5)
    burst = gateway_run_ns(bench) - t0
    burst_logged = dropped_logged(bench) - trickle_logged
    drops = bench.gw.udp_receive_drops()
    return {"idle_us_per_packet_time": idle / k / 1000,
            "trickle_logged": trickle_logged, "burst_logged": burst_logged,
            "trickle_us_per_packet": trickle / k / 1000,
            "burst_us_per_packet": burst / k / 1000,
            "gateway_udp_drops": drops}


def main():
    ap = storm.bench_arguments(__doc__)
    ap.add_argument("-k", type=int, default=400,
                    help="packets per measurement (pluto logs the first 1,000 dropped "
                    "packets, one line each, then stops: keep 2K under that)")
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("wakecost: must run as root (network namespaces)")
    # storm.py's set-up with two idle clients
    sargs = types.SimpleNamespace(n=2, layout="per-client", auth="psk", callgrind=None)
    if 2 * args.k > 1000:
        sys.exit("wakecost: -k over 500: pluto would log the trickle's packets and not all the burst's")
    print(f"wakecost: {args.k} dropped INFORMATIONAL requests per measurement, "
          f"one every {TRICKLE_GAP_S * 1000:g} ms (trickle) or {storm.BLIP_WAVE} at a time (burst)",
          flush=True)
    results = {}
    for r in range(args.rounds):
        builds = [("patched", args.patched), ("stock", args.stock)]
        if r % 2:
            builds.reverse()
        for build, prefix in builds:
            bench = storm.Bench(sargs, build, os.path.abspath(prefix), f"wake{r}")
            try:
                bench.setup()
                res = measure(bench, args.k)
            finally:
                bench.stop_all()
            results.setdefault(build, []).append(res)
            print(f"  {build:8} round {r}: trickle {res['trickle_us_per_packet']:6.1f} us/packet, "
                  f"burst {res['burst_us_per_packet']:6.1f} us/packet, idle "
                  f"{res['idle_us_per_packet_time']:5.2f} us per packet-time, "
                  f"logged {res['trickle_logged']}+{res['burst_logged']}, "
                  f"UDP drops {res['gateway_udp_drops']}", flush=True)
    print()
    for build, rs in results.items():
        t = storm.median([x["trickle_us_per_packet"] for x in rs])
        b = storm.median([x["burst_us_per_packet"] for x in rs])
        print(f"{build:8} median: trickle {t:6.1f} us/packet, burst {b:6.1f} us/packet, "
              f"woken for each: +{t - b:.1f} us/packet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
