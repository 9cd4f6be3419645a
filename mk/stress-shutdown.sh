#!/bin/bash
# Run the shutdown stress test (testing/pluto/pluto-shutdown-stress) RUNS
# times in a row against one build and count the runs in which a pluto
# ended by a signal or left a core.  Every run goes on to the end, so
# the count is a rate; the logs of each failing run are kept in
# build/tests/<variant>/stress-shutdown/run-<n>/.
#
#   mk/stress-shutdown.sh patched|stock RUNS
#
# SWANTEST_SHUTDOWN_ROUNDS (rounds per run) reaches the test.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
variant=${1:?usage: $0 patched|stock RUNS}
runs=${2:?usage: $0 patched|stock RUNS}
test=pluto-shutdown-stress
case "$variant" in
patched) prefix=$top/build/inst ;;
stock) prefix=$top/build/stock/inst ;;
*) echo "$0: unknown variant $variant" >&2; exit 2 ;;
esac
keep=$top/build/tests/$variant/stress-shutdown
rm -rf "$keep"
mkdir -p "$keep"
passed=0 failed=0 signals=0
for n in $(seq "$runs"); do
	out=$(/usr/bin/python3 "$top/testing/harness/swantest.py" \
		--prefix "$prefix" --variant "$variant" "$test" 2>&1)
	rc=$?
	line=$(printf '%s\n' "$out" | grep -E "^(PASS|FAIL) $test " || true)
	if [ "$rc" = 0 ] && [ -n "$line" ] && [ "${line#PASS}" != "$line" ]; then
		passed=$((passed + 1))
		echo "run $n/$runs: ${line}"
	else
		failed=$((failed + 1))
		# the signals named, one per pluto that ended by one
		s=$(printf '%s\n' "$out" | grep -Eo 'killed by SIG[A-Z0-9]+' | sort -u | tr '\n' ' ')
		[ -z "$s" ] || signals=$((signals + 1))
		cp -a "$top/build/tests/$variant/$test" "$keep/run-$n" 2>/dev/null || true
		echo "run $n/$runs: FAIL ${s:-(no signal named)}; logs: $keep/run-$n"
		printf '%s\n' "$out" | grep -E "^FAIL" | sed 's/^/    /'
	fi
done
echo "stress-shutdown: $variant build, $runs runs of $test:" \
	"$passed passed, $failed failed ($signals with a pluto ended by a signal)"
[ "$failed" = 0 ]
