#!/bin/bash
# A smoke of libreswan 5.2's own tests (make check-upstream,
# docs/upstream-tests.md): a few upstream tests that pass here run on
# stock 5.2 and on the series, four at a time.  Each must match
# upstream's expected console output on both builds, and the two
# builds' sanitized consoles must be identical.  The whole run of
# testing/upstream/scope.txt is `make check-upstream` (hours), not this.
set -eu
top=$SWAN_TOP
work=$top/build/upstream-smoke
stock=$top/build/stock/inst
# chosen from a real run of scope.txt: they need no ESP and no
# certificates from testing/x509's generate.sh, and passed on both
# builds, identical (docs/upstream-tests.md, "CI smoke")
tests=(
	ikev2-leak-02-no-psk
	ikev2-dcookie-02
	ikev2-07-invalid-xchg
	ikev1-aggr-04-authby-secret-rassig
	ikev1-aggr-07-no-isakmp-proposal-chosen
)
[ -x "$stock/libexec/ipsec/pluto" ] || { echo "no stock build in $stock (make stock)" >&2; exit 1; }
rm -f "$work/results.tsv"
start=$(date +%s)
nice -n 10 /usr/bin/python3 "$top/testing/upstream/run.py" --work "$work" --no-x509 \
	--stock "$stock" --patched "$SWAN_PREFIX" --jobs 4 --timeout 150 "${tests[@]}"
secs=$(( $(date +%s) - start ))
fail=0
for t in "${tests[@]}"; do
	for b in stock patched; do
		r=$(awk -F'\t' -v t="$t" -v b="$b" '$1 == t && $2 == b {print $3 " " $5}' "$work/results.tsv")
		case $r in
		passed*) ;;
		*) echo "FAIL $t on $b: ${r:-no result}" >&2; fail=1 ;;
		esac
	done
	c=$(awk -F'\t' -v t="$t" '$1 == t && $2 == "compare" {print $3 " " $5}' "$work/results.tsv")
	case $c in
	identical*) echo "$t: passed on stock and patched, identical" ;;
	*) echo "FAIL $t: stock/patched ${c:-not compared}" >&2; fail=1 ;;
	esac
done
echo "upstream smoke: ${#tests[@]} tests x 2 builds in ${secs}s"
[ "$secs" -le 300 ] || { echo "FAIL: the smoke took ${secs}s (more than 5 minutes)" >&2; fail=1; }
exit $fail
