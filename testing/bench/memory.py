#!/usr/bin/python3
"""Gateway memory per live IKE SA, patched against stock libreswan 5.2,
in one run: where it goes, and how much of it the process keeps.

Uses storm.py's set-up (one gateway pluto, client plutos, N connections
with distinct IDs, PSK, IKE only) and measures the gateway two ways.

RSS (-n N, no valgrind, leak detective off): VmRSS and its parts from
/proc/PID/smaps (the brk heap, which the main thread's malloc uses;
anonymous mappings: the helper threads' malloc arenas and mmap()ed
blocks; the rest) at these points:

  start      the gateway with its connections loaded
  full-w     W = N/4 IKE SAs up, each after IKE_SA_INIT + IKE_AUTH
  full       all N up
  restarted  the gateway restarted (SIGKILL, start; its ticket keys
             are in its NSS DB), every client suspended
  fresh-w    W reconnected: patched, resumed into a process that never
             held a full IKE SA; stock 5.2 refuses the tickets it lost
             the key of, and its clients authenticate in full
  fresh      all N reconnected

The figure per live IKE SA is that of the last N - W: the first W fill
the caches that NSS (softoken's free session objects, pk11wrap's free
keys) and malloc keep of freed objects, which are bounded, so that
what is left is what one more IKE SA costs, the figure that scales to
100,000.  The average over all N is printed as well.  Also the CPU
per IKE SA of each step, of pluto's main thread and of its helper
threads.

massif (--massif K, the gateway under valgrind --tool=massif): the
same steps with K clients, a detailed heap snapshot (vgdb) at each;
every allocation live at the last point and not at the one before is
attributed to what made it (the first frame of its stack that is not
an allocator, a generic wrapper or NSS's own: the rows below) and the
table prints heap bytes per IKE SA, full and resumed, for each build.
Heap bytes, not pages: RSS adds malloc's own overhead and
fragmentation on top.

  memory.py --patched PREFIX --stock PREFIX [--before PREFIX] [-n N] [--massif K]

--before: a third build, e.g. a copy of build/inst from before a change,
so that before and after are measured in one run.

It asserts nothing: it measures.  make bench-memory runs both.
"""

import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import storm  # noqa: E402

# what made a live allocation: the first frame of its stack, from the
# allocator outwards, that is neither an allocator, a generic wrapper
# nor NSS's own, is matched against these (whole function names), in
# this order.  NSS's allocations go to the pluto code that asked.
ROWS = [
    ("state struct (struct ike_sa)", r"new_state"),
    ("logger (state's, connection's)", r"alloc_logger|clone_logger"),
    ("connection instance (+ SPDs, name)",
     r"alloc_connection|duplicate_connection|instantiate|add_connection_spds|"
     r"alloc_connection_spds|alloc_connection_prefix|rw_responder_id_instantiate"),
    ("stored message (retransmit)", r"record_v2_outgoing_fragment|record_v2.*message"),
    ("first messages kept for AUTH",
     r"process_v2_IKE_SA_INIT_request_continue|process_v2_IKE_SESSION_RESUME_request_continue.*|"
     r"record_v2_IKE_SA_INIT_response|record_first_v2_packet"),
    ("accepted proposal", r"process_v2SA_payload|set_ikev2_accepted_proposal"),
    ("nonces, KE payloads", r"accept_v2_nonce|unpack_KE.*|v2_accept_ke_for_proposal|"
     r"process_v2_IKE_SESSION_RESUME_request"),
    ("timers (events)", r"schedule_timeout|event_schedule_where"),
    ("ticket, resume session (the series)",
     r"open_v2_resume_ticket|resume_.*|mint_ticket|id_from_payload_body|.*resume_session.*"),
    ("NSS: DH local secret (ECDH private key)", r"nss_ecp_calc_local_secret|calc_dh_local_secret"),
    ("NSS: DH shared secret", r"nss_ecp_calc_shared_secret|compute_dh_shared_secret"),
    ("NSS: SK_pi, SK_pr (PRF keys)", r"prf_key_from_symkey_bytes"),
    ("NSS: SK_ei, SK_er (cipher keys)", r"encrypt_key_from_symkey_bytes"),
    ("NSS: AEAD contexts (sessions)", r"cipher_op_context_create.*|cipher_context_create"),
    ("NSS: salt slices (freed; NSS caches them)", r"chunk_from_symkey_bytes"),
    ("NSS: SK_d (SK_ai, SK_ar)", r"calc_v2_ike_keymat"),
    ("NSS: SKEYSEED, prf+, PRF temporaries",
     r"prfplus_key_data|ike_sa_keymat|ike_sa_skeyseed|skeyseed_v2_sr|merge_symkey_bytes|"
     r"prf_key_from_bytes|psk_auth|crypt_prf.*|ikev2_ike_sa_keymat"),
]
# frames that say nothing about what the memory is for
SKIP = re.compile(r"^(\?\?\?|malloc|calloc|realloc|allocate|uninitialized_malloc|alloc_bytes|"
                  r"alloc_chunk|alloc_rnd_chunk|clone_bytes|clone_bytes_as_chunk|clone_hunk|"
                  r"replace_chunk_bytes|raw_clone_as_string|alloc_printf|alloc_vprintf|"
                  r"key_from_symkey_bytes|symkey_from_symkey|crypt_derive|"
                  r"(PORT|PL|PR|PK11|SECKEY|SECITEM|NSC|sftk|pk11|nss)_.*|\(.*)$")
OTHER = "other"


def smaps(pid):
    """RSS in KiB: total, the brk heap, anonymous mappings (the helper
    threads' malloc arenas, mmap()ed blocks), the rest (binaries,
    libraries, stacks)"""
    parts = {"rss": 0, "heap": 0, "anon": 0, "other": 0}
    name = ""
    for line in open(f"/proc/{pid}/smaps"):
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            fields = line.split()
            name = fields[5] if len(fields) > 5 else ""
        elif line.startswith("Rss:"):
            kib = int(line.split()[1])
            parts["rss"] += kib
            if name == "[heap]":
                parts["heap"] += kib
            elif name == "":
                parts["anon"] += kib
            else:
                parts["other"] += kib
    return parts


def main_thread_user_system(pid):
    """(user, system) CPU seconds of pluto's main thread (its tid is
    its pid): what moving crypto to the helpers can take away is user
    time; the system time is its sockets, its log writes and its
    wake-ups, which stay on the event loop"""
    return storm.user_system_seconds(f"/proc/{pid}/task/{pid}/stat")


class Memory(storm.Bench):
    """storm.Bench with the measuring points of this benchmark"""

    def __init__(self, args, build, prefix, round_nr):
        super().__init__(args, build, prefix, round_nr)
        # a directory of its own: not a storm run's
        os.rmdir(self.work)
        self.work = os.path.join(storm.TOP, "build", "bench", "memory", f"{build}-{round_nr}")
        storm.shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)

    def point(self, what):
        parts = smaps(self.gw.pid())
        parts["what"] = what
        parts["sas"] = self.gw.established()
        parts["threads"] = self.gw.thread_cpu_seconds()
        parts["main-split"] = main_thread_user_system(self.gw.pid())
        return parts

    def connect(self, what, first, last, retry_full=False):
        """Connections FIRST..LAST-1 (of all_conns()) up, one by one
        as their client plutos get to them"""
        conns = self.all_conns()[first:last]
        self.initiate(conns)
        start = time.monotonic()
        if self.wait_all_up(start, retry_full, target=last) is None:
            raise RuntimeError(f"{self.build} {what}: {self.up_count()} of {last} up")
        # the gateway counts an IKE SA once it has sent IKE_AUTH's answer
        deadline = time.monotonic() + 30
        while self.gw.established() < last and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(0.5)

    def steps(self, measure):
        """The measuring points: full (W, then N), then the gateway
        restarted and everybody back (W, then N): resumed (stock
        5.2: full, its ticket key is gone).  The first W fill
        NSS's and malloc's caches of freed objects (bounded: some
        hundreds of objects), so that the last N - W are what one
        more IKE SA costs.  MEASURE(name) is called at each."""
        n, w = self.args.n, self.args.n // 4
        out = {}
        try:
            self.setup()
            out["start"] = measure("start")
            self.connect("full", 0, w)
            out["full-w"] = measure("full-w")
            self.connect("full", w, n)
            out["full"] = measure("full")
            self.restart_gateway()
            self.suspend_all()
            out["restarted"] = measure("restarted")
            since = len(self.gw.log())
            self.connect("fresh", 0, w, retry_full=True)
            out["fresh-w"] = measure("fresh-w")
            self.connect("fresh", w, n, retry_full=True)
            out["fresh"] = measure("fresh")
            out["counts"] = self.gateway_counts(since)
        finally:
            self.stop_all()
        return out

    def run_rss(self):
        return self.steps(self.point)

    # --- massif ------------------------------------------------------

    def snapshot(self, name):
        out = os.path.join(self.gw.dir, f"massif.{name}")
        r = storm.run(["vgdb", f"--pid={self.gw.pid()}", "detailed_snapshot", out],
                      check=False)
        if not os.path.exists(out):
            raise RuntimeError(f"vgdb detailed_snapshot: {r.stdout.strip()}")
        return parse_massif(out)

    def run_massif(self):
        out = os.path.join(self.work, "gw", "massif.out")
        self.gw_wrapper = ("valgrind --tool=massif --quiet --depth=40 --threshold=0.0 "
                           f"--massif-out-file={out}")
        return self.steps(self.snapshot)


def parse_massif(path):
    """A detailed massif snapshot as {stack (tuple of function names,
    allocator first): bytes} of its leaves"""
    leaves = {}
    stack = []  # (indent, function)
    node = re.compile(r"^( *)n(\d+): (\d+) (.*)$")
    lines = open(path).read().splitlines()
    entries = []
    for line in lines:
        m = node.match(line)
        if not m:
            continue
        indent, children, size, rest = len(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
        fm = re.match(r"0x[0-9A-F]+: (\S+)", rest)
        if fm:
            fn = fm.group(1)
        elif "below massif's threshold" in rest:
            fn = "(below threshold)"
        else:
            fn = "(heap)"
        entries.append((indent, children, size, fn))
    for indent, children, size, fn in entries:
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, fn))
        if children == 0:
            key = tuple(f for _, f in stack[1:])
            leaves[key] = leaves.get(key, 0) + size
    return leaves


def first_pluto_frame(stack):
    """the first frame that says what the memory is for"""
    for fn in stack:
        if not SKIP.match(fn):
            return fn
    return stack[-1] if stack else "?"


def classify(stack):
    fn = first_pluto_frame(stack)
    for name, pattern in ROWS:
        if re.fullmatch(pattern, fn):
            return name
    return OTHER


def rows_per_sa(after, before, k):
    rows, others = {}, {}
    for stack in set(after) | set(before):
        delta = after.get(stack, 0) - before.get(stack, 0)
        if not delta:
            continue
        row = classify(stack)
        rows[row] = rows.get(row, 0) + delta
        if row == OTHER:
            f = first_pluto_frame(stack)
            others[f] = others.get(f, 0) + delta
    return ({r: b / k for r, b in rows.items()},
            {f: b / k for f, b in others.items()})


def main():
    ap = storm.bench_arguments(__doc__)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--massif", type=int, metavar="K", default=0,
                    help="also K IKE SAs with the gateway under massif (0: none)")
    ap.add_argument("--only", choices=["patched", "stock"])
    ap.add_argument("--before", metavar="PREFIX",
                    help="a third build, before a change (a copy of build/inst)")
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("memory: must run as root (network namespaces)")
    args.layout, args.auth, args.callgrind, args.pin_cpus = "per-client", "psk", None, None
    builds = {"patched": os.path.abspath(args.patched), "stock": os.path.abspath(args.stock)}
    if args.only:
        builds = {args.only: builds[args.only]}
    if args.before:
        builds = {"before": os.path.abspath(args.before)} | builds
    n = args.n

    w = n // 4
    steps = [("full-w", "full", "full (IKE_SA_INIT + IKE_AUTH)"),
             ("fresh-w", "fresh", "resumed, after a restart (stock: full)")]
    if n:
        print(f"memory: N={n} live IKE SAs, RSS of the gateway; per IKE SA: the last "
              f"{n - w}, after {w} that fill the caches of freed objects", flush=True)
        pts = {}
        for b, p in builds.items():
            pts[b] = Memory(args, b, p, 0).run_rss()
            x = pts[b]
            print(f"  {b}: " + ", ".join(f"{k} {x[k]['rss'] / 1024:.1f} MiB ({x[k]['sas']})"
                                         for k in x if k != "counts")
                  + f"; after the restart {x['counts']['resumed']} resumed, "
                  f"{x['counts']['full']} full", flush=True)
        cols = list(builds)
        print(f"\n{'RSS KiB per live IKE SA':44} " + " ".join(f"{b:>10}" for b in cols))
        for before, after, label in steps:
            print(f"{label:44} " + " ".join(
                f"{(pts[b][after]['rss'] - pts[b][before]['rss']) / (n - w):10.1f}"
                for b in cols))
            for part, name in (("heap", "  brk heap (main thread's malloc)"),
                               ("anon", "  anonymous maps (helpers' arenas, mmap)"),
                               ("other", "  files, stacks")):
                print(f"{name:44} " + " ".join(
                    f"{(pts[b][after][part] - pts[b][before][part]) / (n - w):10.1f}"
                    for b in cols))
        print(f"{'average over all N, resumed (stock: full)':44} " + " ".join(
            f"{(pts[b]['fresh']['rss'] - pts[b]['restarted']['rss']) / n:10.1f}" for b in cols))
        print(f"\n{'CPU ms per IKE SA: main thread / helpers':44} "
              + " ".join(f"{b:>16}" for b in cols))
        for before, after, label in steps:
            vals = []
            for b in cols:
                t0, t1 = pts[b][before]["threads"], pts[b][after]["threads"]
                vals.append(f"{1000 * (t1['main'] - t0['main']) / (n - w):7.2f} / "
                            f"{1000 * (t1['helpers'] - t0['helpers']) / (n - w):6.2f}")
            print(f"{label:44} " + " ".join(vals))
        print(f"\n{'CPU ms per IKE SA, main thread: user / system':44} "
              + " ".join(f"{b:>16}" for b in cols))
        for before, after, label in steps:
            vals = []
            for b in cols:
                (u0, s0), (u1, s1) = pts[b][before]["main-split"], pts[b][after]["main-split"]
                vals.append(f"{1000 * (u1 - u0) / (n - w):7.2f} / {1000 * (s1 - s0) / (n - w):6.2f}")
            print(f"{label:44} " + " ".join(vals))

    if args.massif:
        k = args.massif
        args.n = k
        kw = k - k // 4
        print(f"\nmemory: K={k} live IKE SAs, gateway under massif; heap bytes per IKE SA "
              f"of the last {kw}", flush=True)
        tables = {}
        for b, p in builds.items():
            s = Memory(args, b, p, 1).run_massif()
            tables[b] = {"full": rows_per_sa(s["full"], s["full-w"], kw),
                         "resumed": rows_per_sa(s["fresh"], s["fresh-w"], kw)}
        cols = [(b, w) for b in builds for w in ("full", "resumed")]
        print(f"\n{'heap bytes per live IKE SA':42} "
              + " ".join(f"{b[:7] + ' ' + w[:4]:>12}" for b, w in cols))
        for name in [r for r, _ in ROWS] + [OTHER]:
            print(f"{name:42} " + " ".join(f"{tables[b][w][0].get(name, 0):12.0f}"
                                            for b, w in cols))
        print(f"{'total':42} " + " ".join(f"{sum(tables[b][w][0].values()):12.0f}"
                                          for b, w in cols))
        for b, w in cols:
            top = sorted(tables[b][w][1].items(), key=lambda x: -x[1])[:6]
            print(f"{b} {w}, 'other' by first frame: "
                  + ", ".join(f"{f} {v:.0f}" for f, v in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
