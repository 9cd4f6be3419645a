#!/usr/bin/python3
"""Why the gateway's main thread costs more per handshake the more IKE
SAs it holds (issue #22): NSS softoken's session table, measured.

NSS's softoken keeps a slot's open PKCS#11 sessions in a hash table of
a fixed 1,024 buckets (TIME_SESSION_HASH_SIZE in softoken's pkcs11i.h;
not configurable at run time).  Every C_OpenSession() draws a new
session handle and walks its bucket's chain to the end, to be sure the
handle is not in use, and every call on a session looks it up in the
same chain.  NSS opens a session for every PK11SymKey it creates and
for every PK11Context (a PRF, a digest, a cipher), so the cost of each
of them grows with the sessions that the live IKE SAs hold open: each
live IKE SA's SK_d, SK_ei and SK_er and its two cipher contexts.

For each N this runs storm100k.py's phase A (N full handshakes, the
gateway keeping every IKE SA) and measures on the gateway:

- C_OpenSession() calls per handshake, and the chain nodes they walked
  (two uprobes, perf stat, over the whole phase);
- the sessions open in each softoken slot once all N are up (gdb, at a
  break in C_OpenSession(), reads the slot's session count; a client
  connection is taken down and up again to get there);
- the gateway's main-thread CPU per handshake.

The uprobes are at two instructions of Debian bookworm's
libsoftokn3.so (libnss3 2:3.87.1-1+deb12u4): the session-handle loop's
atomic increment and its chain compare.  The script checks those bytes
first and stops, saying so, if the library is another build.

  nsswalk.py --patched PREFIX --stock PREFIX -n N[,N...] [--builds patched,stock]

It asserts nothing: it measures.  Not part of CI.
"""

import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import storm  # noqa: E402
import storm100k  # noqa: E402

SOFTOKN = "/usr/lib/x86_64-linux-gnu/libsoftokn3.so"
# (name, offset, bytes): the text segment's file offsets are its
# addresses in this build (readelf -l), so the file holds the bytes
PROBES = [
    # mov $1,%eax; lock xadd %eax,(%r12): slot->sessionIDCount++
    ("opensession", 0x12DA0, bytes.fromhex("b801000000f0410fc10424")),
    # cmp %rdx,0x10(%rax); jne: one chain node compared
    ("chainnode", 0x12E18, bytes.fromhex("4839501075f2")),
]
# after the handle's increment, where %r14 holds the slot
BREAK_AT = 0x12DC3
# the SFTKSlot the loop holds in %r14: sessionCount at +0x74 (int),
# index at +0x80 (CK_ULONG), as the loop's own loads show
GDB_SCRIPT = r"""
import gdb
BREAK = %#x
base = None
for line in gdb.execute("info proc mappings", to_string=True).splitlines():
    f = line.split()
    if base is None and len(f) >= 5 and f[-1].endswith("libsoftokn3.so"):
        base = int(f[0], 16) - int(f[3], 16)
gdb.Breakpoint(f"*{base + BREAK:#x}")
seen = {}
for i in range(64):
    gdb.execute("continue")
    slot = int(gdb.parse_and_eval("$r14"))
    mem = gdb.selected_inferior().read_memory
    index = int.from_bytes(bytes(mem(slot + 0x80, 8)), "little")
    seen[index] = int.from_bytes(bytes(mem(slot + 0x74, 4)), "little", signed=True)
    if len(seen) >= 2 and i >= 8:
        break
for index, count in sorted(seen.items()):
    print(f"NSSWALK slot {index} sessions {count}")
gdb.execute("detach")
""" % BREAK_AT


def check_library():
    with open(SOFTOKN, "rb") as f:
        data = f.read()
    for name, offset, want in PROBES:
        got = data[offset:offset + len(want)]
        if got != want:
            sys.exit(f"nsswalk: {SOFTOKN} is not the build these probes are for: "
                     f"{name} at {offset:#x} holds {got.hex()}, not {want.hex()}")


def add_probes():
    for name, offset, _ in PROBES:
        storm.run(["perf", "probe", "-q", "-d", f"probe_libsoftokn3:{name}"], check=False)
        storm.run(["perf", "probe", "-q", "-x", SOFTOKN, "-a", f"{name}={offset:#x}"])


def remove_probes():
    for name, _, _ in PROBES:
        storm.run(["perf", "probe", "-q", "-d", f"probe_libsoftokn3:{name}"], check=False)


class NssWalk(storm100k.Storm100k):

    def run(self, phases):
        try:
            self.setup()
            events = ",".join(f"probe_libsoftokn3:{name}" for name, _, _ in PROBES)
            out = os.path.join(self.work, "perf-stat.csv")
            stat = subprocess.Popen(["perf", "stat", "-x", ",", "-o", out, "-e", events,
                                     "-p", str(self.gw.pid())])
            time.sleep(1)
            result = self.phase("A")
            stat.send_signal(signal.SIGINT)
            stat.wait()
            counts = {}
            for line in open(out):
                f = line.strip().split(",")
                if len(f) > 2 and f[2].startswith("probe_libsoftokn3:"):
                    counts[f[2].split(":")[1]] = int(f[0])
            result["probes"] = counts
            result["slots"] = self.sessions()
            return result
        finally:
            remove_probes()
            self.stop_all()

    def sessions(self):
        """Each softoken slot's open sessions, read at a break in
        C_OpenSession() that a client's down and up brings about"""
        script = os.path.join(self.work, "nsswalk-gdb.py")
        with open(script, "w") as f:
            f.write(GDB_SCRIPT)
        gdb = subprocess.Popen(["timeout", "90", "gdb", "-p", str(self.gw.pid()), "-batch",
                                "-x", script], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
        time.sleep(5)
        c = self.clients[0]
        for conn in c.conns[:6]:
            self.whack(c, "--name", conn, "--down").wait()
            self.whack(c, "--name", conn, "--initiate", "--asynchronous").wait()
            time.sleep(0.5)
        out, _ = gdb.communicate()
        slots = {}
        for line in out.splitlines():
            f = line.split()
            if f[:1] == ["NSSWALK"]:
                slots[int(f[2])] = int(f[4])
        return slots


def main():
    ap = storm.bench_arguments(__doc__)
    ap.add_argument("-n", default="2000,8000", help="N, or N,N,...")
    ap.add_argument("--builds", default="patched,stock")
    storm100k.rig_arguments(ap)
    args = ap.parse_args()
    storm100k.rig_settings(args)
    args.pin_cpus = None
    if os.geteuid() != 0:
        sys.exit("nsswalk: must run as root (network namespaces, uprobes)")
    check_library()
    prefixes = {"patched": os.path.abspath(args.patched), "stock": os.path.abspath(args.stock)}
    rows = []
    ns = [int(x) for x in args.n.split(",")]
    for build in [b for b in args.builds.split(",") if b]:
        for n in ns:
            args.n = n
            add_probes()
            r = NssWalk(args, build, prefixes[build]).run("A")
            up = r["up"] or 1
            sessions = max(r["slots"].values(), default=0)
            rows.append((build, n, r["up"], r["probes"].get("opensession", 0) / up,
                         r["probes"].get("chainnode", 0) / up, sessions, sessions / up,
                         1000 * r["gateway_main_s"] / up))
            print(f"nsswalk: {build} N={n}: {r['up']} up, slots {r['slots']}, "
                  f"C_OpenSession per handshake {rows[-1][3]:.1f}, chain nodes "
                  f"per handshake {rows[-1][4]:.0f}", flush=True)
    print(f"{'build':8} {'N':>7} {'up':>7} {'opens/handshake':>16} {'nodes/handshake':>16} "
          f"{'sessions at N':>14} {'per IKE SA':>11} {'main ms/handshake':>18}")
    for b, n, up, opens, nodes, s, per, main_ms in rows:
        print(f"{b:8} {n:7} {up:7} {opens:16.1f} {nodes:16.0f} {s:14} {per:11.2f} {main_ms:18.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
