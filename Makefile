# RFC 5723 session resumption for libreswan 5.2: build, test and demo.
#
#   make check        set up, build, run every test          (README),
#                     then make deb and make check-deb (not with TESTS,
#                     SKIP_VM=1 or SKIP_DEB=1)
#   make demo         set up, build, run the two-gateway demo (README)
#   make build        patched libreswan into build/inst
#   make stock        unpatched libreswan into build/stock/inst
#   make check-stock  the same tests against stock 5.2 (some must fail)
#   make check-upstream  libreswan 5.2's own tests, stock and patched (docs/upstream-tests.md)
#   make check-nsrun TESTS=...  those tests under libreswan's own namespace
#                     runner, testing/utils/nsrun (docs/upstream-tests.md; not in check)
#   make check-nsrun-vm TESTS=...  the same in the VM tier's guest (real ESP)
#   make check-bisect after every patch of the packagers' series the tree
#                     builds with -Werror and the tests that exist then pass
#                     (BISECT_FLAGS=--build-only / --sample; resumable)
#   make dist-series  the packagers' series, new files inside, in build/dist/
#   make fuzz         fuzz the ticket decoder for FUZZ_SECONDS (600)
#   make bench-ticket seal/open cost of one ticket (printed, not asserted)
#   make bench        reconnect-storm benchmark, patched vs stock (docs/performance.md),
#                     then bench-store (BENCH_STORE=0: not)
#   make bench-store  the cluster store's cost: CPU per resumed SA with a Redis vs
#                     the local cache, round trips per resumption (BENCH_STORE_N;
#                     BENCH_STORE_TICKETS=sealed|reference|both; BENCH_STORE_BEFORE=PREFIX:
#                     and a third side, the store with a copy of build/inst from before a change;
#                     BENCH_STORE_MEMBERS=2: instead, two members on one Redis in one burst)
#   make bench-callgrind  the gateway's instructions per full and resumed handshake
#   make bench-wake   what waking the gateway for a packet costs, trickle vs burst
#   make bench-100k   the storm at BENCH_N (e.g. 100000) clients retransmitting with
#                     the default timers, one build after the other, BENCH_PHASES
#                     (AC), BENCH_BUILDS (patched,stock), BENCH_STOCK_N (stock's N);
#                     tables also from the saved results: BENCH_100K_FLAGS=--report
#   make bench-memory the gateway's memory per live IKE SA, full and resumed,
#                     patched vs stock: RSS for BENCH_MEM_N, massif's table of
#                     where it goes for BENCH_MEM_K (BENCH_MEM_BEFORE=PREFIX: and a
#                     third build, a copy of build/inst from before a change)
#   make stress-shutdown  the shutdown stress test STRESS_RUNS (50) times in a
#                     row (VARIANT=stock: against stock 5.2); counts the crashes
#   make dev-tree     build/libreswan-5.2 as a git repo, a commit per patch
#   make export-patches   write those commits back to patches/
#   make deb          Debian packages into build/deb/ (docs/packaging.md)
#   make rpm          RPMs and the SRPM into build/rpm/ (docs/packaging.md)
#   make check-deb    VM tier: install build/deb's package, upgrade it under a
#                     connected client, which must resume (after make deb)
#
# TESTS="name ..." limits check/check-stock to some tests.
# Tests that need ESP run in one qemu guest (the VM tier, testing/vm/);
# SKIP_VM=1 skips them, and says so.

TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
BUILD := $(TOP)/build
PYTHON := /usr/bin/python3
RUNNER := $(PYTHON) $(TOP)/testing/harness/swantest.py
TESTS ?=
SKIP_VM ?=
RUNNER_FLAGS := $(if $(SKIP_VM),--skip-vm)
FUZZ_SECONDS ?= 600
BENCH_N ?= 500
BENCH_ROUNDS ?= 3
BENCH_LAYOUT ?= per-client
BENCH_AUTH ?= psk
BENCH_K ?= 20
BENCH_WAKE_K ?= 400
BENCH_MEM_N ?= 1000
BENCH_MEM_K ?= 200
BENCH_STORE ?= 1
BENCH_PHASES ?= AC
BENCH_BUILDS ?= patched,stock
BENCH_STOCK_N ?=
BENCH_100K_FLAGS ?=
BENCH_STORE_N ?= 500
BENCH_STORE_TICKETS ?= sealed
BENCH_STORE_MEMBERS ?= 1
STRESS_RUNS ?= 50
VARIANT ?= patched
UPSTREAM_FLAGS ?=
NSRUN_FLAGS ?=
NSRUN_VM_TEST_TIMEOUT ?= 480
NSRUN_VM_TIMEOUT = $(shell echo $$((180 + ($(NSRUN_VM_TEST_TIMEOUT) + 30) * $(words $(TESTS)))))
UPSTREAM_JOBS ?= 4

.PHONY: all deps source build stock check check-stock check-upstream check-nsrun check-nsrun-vm check-bisect dist-series fuzz bench-ticket bench \
	bench-callgrind bench-wake bench-memory bench-store bench-100k stress-shutdown demo \
	dev-tree dev-tree-reset export-patches deb rpm check-deb clean distclean

all: build

deps:
	@$(TOP)/mk/deps.sh

source: deps
	@$(TOP)/mk/fetch-source.sh $(BUILD)

build: deps
	@$(TOP)/mk/build.sh patched

stock: deps
	@$(TOP)/mk/build.sh stock

# Without TESTS, SKIP_VM or SKIP_DEB, check also builds the Debian package
# (while the host tiers run, mk/check.sh) and runs its install-and-upgrade
# test in the VM tier (make deb check-deb; a package already built from
# the same series is kept, mk/deb.sh)
check: build stock
	@$(TOP)/mk/check.sh $(if $(TESTS)$(SKIP_VM)$(SKIP_DEB),--no-deb) -- \
		$(RUNNER) --prefix $(BUILD)/inst --variant patched $(RUNNER_FLAGS) $(TESTS)

check-upstream: build stock
	@nice -n 10 $(PYTHON) $(TOP)/testing/upstream/run.py --jobs $(UPSTREAM_JOBS) $(UPSTREAM_FLAGS) $(TESTS)
	@$(PYTHON) $(TOP)/testing/upstream/table.py $(BUILD)/upstream/results.tsv

# libreswan's own namespace runner on TESTS (ours in libreswan's form or the
# tarball's), contained in a namespace of its own; not part of check
check-nsrun: build
	@test -n "$(TESTS)" || { echo "make check-nsrun TESTS=\"name ...\"" >&2; exit 2; }
	@$(TOP)/testing/upstream/nsrun.sh --prefix $(BUILD)/inst $(NSRUN_FLAGS) $(TESTS)

# the same in the VM tier's guest (real ESP: the ikev2-resume-esp-* tests in
# libreswan's form), one qemu boot for all of TESTS; nsrun's output of each
# test comes back into build/nsrun-vm/NAME/; SWANTEST_* reach the steps (as
# in make check: SWANTEST_IMPAIR_ESP=yes must fail them); not part of check
check-nsrun-vm: build
	@test -n "$(TESTS)" || { echo "make check-nsrun-vm TESTS=\"name ...\"" >&2; exit 2; }
	@rm -rf $(BUILD)/nsrun-vm
	@nice -n 10 $(TOP)/testing/vm/vm.sh run -t $(NSRUN_VM_TIMEOUT) -o $(BUILD)/nsrun-vm \
		$(foreach v,$(filter SWANTEST_%,$(.VARIABLES)),-e '$(v)=$($(v))') \
		$(TOP)/testing/vm/guest-nsrun.sh --prefix $(BUILD)/inst --timeout $(NSRUN_VM_TEST_TIMEOUT) \
		$(NSRUN_FLAGS) $(TESTS)

check-stock: stock
	@$(RUNNER) --prefix $(BUILD)/stock/inst --variant stock $(RUNNER_FLAGS) $(TESTS)

check-bisect: deps stock
	@$(TOP)/mk/check-bisect.sh $(BISECT_FLAGS)

dist-series: deps
	@$(TOP)/mk/dist-series.py

fuzz: build
	@$(TOP)/mk/fuzz.sh $(FUZZ_SECONDS)

bench-ticket: build
	@$(TOP)/mk/bench-ticket.sh $(BUILD)/inst

bench: build stock
	@$(PYTHON) $(TOP)/testing/bench/storm.py --patched $(BUILD)/inst --stock $(BUILD)/stock/inst \
		-n $(BENCH_N) --rounds $(BENCH_ROUNDS) --layout $(BENCH_LAYOUT) --auth $(BENCH_AUTH)
	@if [ "$(BENCH_STORE)" = 1 ]; then $(MAKE) --no-print-directory bench-store; fi

# one build after the other (two rigs of 100K do not fit in memory),
# niced: not part of check
bench-100k: build stock
	@nice -n 10 $(PYTHON) $(TOP)/testing/bench/storm100k.py --patched $(BUILD)/inst \
		--stock $(BUILD)/stock/inst -n $(BENCH_N) $(if $(BENCH_STOCK_N),--stock-n $(BENCH_STOCK_N)) \
		--phases $(BENCH_PHASES) --builds $(BENCH_BUILDS) $(BENCH_100K_FLAGS)

bench-store: build
	@$(PYTHON) $(TOP)/testing/bench/store.py --patched $(BUILD)/inst \
		-n $(BENCH_STORE_N) --rounds $(BENCH_ROUNDS) --tickets $(BENCH_STORE_TICKETS) \
		--members $(BENCH_STORE_MEMBERS) \
		$(if $(BENCH_STORE_BEFORE),--before $(BENCH_STORE_BEFORE))

bench-callgrind: build stock
	@$(PYTHON) $(TOP)/testing/bench/storm.py --patched $(BUILD)/inst --stock $(BUILD)/stock/inst \
		--callgrind $(BENCH_K) --layout $(BENCH_LAYOUT) --auth $(BENCH_AUTH)

bench-memory: build stock
	@$(PYTHON) $(TOP)/testing/bench/memory.py --patched $(BUILD)/inst --stock $(BUILD)/stock/inst \
		-n $(BENCH_MEM_N) --massif $(BENCH_MEM_K) $(if $(BENCH_MEM_BEFORE),--before $(BENCH_MEM_BEFORE))

bench-wake: build stock
	@$(PYTHON) $(TOP)/testing/bench/wakecost.py --patched $(BUILD)/inst --stock $(BUILD)/stock/inst \
		-k $(BENCH_WAKE_K) --rounds $(BENCH_ROUNDS)

stress-shutdown: $(if $(filter stock,$(VARIANT)),stock,build)
	@$(TOP)/mk/stress-shutdown.sh $(VARIANT) $(STRESS_RUNS)

demo: build
	@$(TOP)/demo/demo.sh $(BUILD)/inst

dev-tree: deps
	@$(TOP)/mk/dev-tree.sh

dev-tree-reset:
	rm -rf $(BUILD)/libreswan-5.2/.git

export-patches:
	@$(TOP)/mk/export-patches.sh


deb: dist-series
	@$(TOP)/mk/deb.sh

rpm: dist-series
	@$(TOP)/mk/rpm.sh

check-deb:
	@$(TOP)/mk/check-deb.sh

clean:
	rm -rf $(BUILD)/libreswan-5.2 $(BUILD)/stock $(BUILD)/inst $(BUILD)/logs $(BUILD)/tests

distclean:
	rm -rf $(BUILD)
