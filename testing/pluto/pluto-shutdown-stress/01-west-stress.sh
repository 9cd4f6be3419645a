# ROUNDS rounds (SWANTEST_SHUTDOWN_ROUNDS, default 4): both plutos up,
# 16 IKE SAs between them, then both stopped at once, each sending its
# Deletes to a peer that is itself shutting down.  A pluto that ends
# by a signal fails its `ipsec stop` (and the runner names it from
# pluto.status).
rounds=${SWANTEST_SHUTDOWN_ROUNDS:-4}
conns=$(seq -f 's%g' 16)
# exiting helper threads are held back until PR_Cleanup() or their
# join (slow-thread-exit.c); SWANTEST_SHUTDOWN_HOLD=no: the bare race
wrap=
if [ "${SWANTEST_SHUTDOWN_HOLD:-yes}" = yes ]; then
	cc -Wall -Werror -shared -fPIC -o "$SWAN_RUNDIR/slow-thread-exit.so" \
		"$SWAN_TESTDIR/slow-thread-exit.c" -ldl
	wrap="env LD_PRELOAD=$SWAN_RUNDIR/slow-thread-exit.so"
fi
established() {
	"$@" ipsec showstates | swan-match -c 16 'ESTABLISHED_IKE_SA' >/dev/null
}
for round in $(seq "$rounds"); do
	: "round $round of $rounds"
	swan-on east env SWAN_PLUTO_WRAPPER="$wrap" ipsec start
	# shellcheck disable=SC2086
	swan-on east ipsec add $conns >/dev/null
	SWAN_PLUTO_WRAPPER="$wrap" ipsec start
	# shellcheck disable=SC2086
	ipsec add $conns >/dev/null
	ipsec whack --impair revival --impair suppress-retransmits >/dev/null
	for c in $conns; do
		ipsec whack --name "$c" --initiate --asynchronous >/dev/null
	done
	for i in $(seq 300); do
		n=$(ipsec showstates | grep -c ESTABLISHED_IKE_SA || true)
		[ "$n" -lt 16 ] || break
		sleep 0.1
	done
	established
	established swan-on east
	# both at once; wait for each, then fail on either
	ipsec stop > stop-west.out 2>&1 & west=$!
	swan-on east ipsec stop > stop-east.out 2>&1 & east=$!
	rc=0
	wait "$west" || rc=1
	wait "$east" || rc=1
	cat stop-west.out stop-east.out
	[ "$rc" = 0 ] || { echo "round $round: a pluto ended by a signal" >&2; exit 1; }
done
# every pluto of every round exited 0: 2 per round, no signal
for h in west east; do
	swan-match -c "$rounds" ' exited 0$' < "$SWAN_RUNDIR/$h/pluto.status"
done
echo "$rounds rounds, $((2 * rounds)) stops of a pluto holding 16 IKE SAs," \
	"helpers held=${SWANTEST_SHUTDOWN_HOLD:-yes}: 0 signals" >> "$SWAN_RUNDIR/summary.txt"
