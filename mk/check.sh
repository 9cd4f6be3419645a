#!/bin/bash
# make check: the runner's tests and, unless told not to, the Debian
# package and its install-and-upgrade test in the VM tier (issue #20).
#
# The package is built while the runner's host tiers run, at nice 19:
# those tests mostly wait on timers and packets, so the build uses the
# CPU they leave idle and it adds nothing to the wall time but the
# check-deb that follows (measured: docs/packaging.md).  It is built
# from build/dist, which the runner does not touch; its log goes to
# build/logs/deb.log.  Whatever fails, the build is stopped and waited
# for, and the exit status says so.
#
# usage: mk/check.sh [--no-deb] -- RUNNER [ARGS...]
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
deb=true
while [ $# -gt 0 ]; do
	case "$1" in
	--no-deb) deb=false; shift ;;
	--) shift; break ;;
	*) echo "usage: $0 [--no-deb] -- RUNNER [ARGS...]" >&2; exit 1 ;;
	esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--no-deb] -- RUNNER [ARGS...]" >&2; exit 1; }

log=$top/build/logs/deb.log
deb_pid=
stop_deb() {
	if [ -n "$deb_pid" ]; then
		kill -TERM -- "-$deb_pid" 2>/dev/null
		wait "$deb_pid" 2>/dev/null
		deb_pid=
	fi
}
trap 'stop_deb; exit 130' INT TERM
trap stop_deb EXIT

if $deb; then
	mkdir -p "$top/build/logs"
	"$top/mk/dist-series.py" >/dev/null || exit 1
	echo "check: building the Debian package alongside the tests (nice 19, log: $log)"
	setsid nice -n 19 "$top/mk/deb.sh" > "$log" 2>&1 &
	deb_pid=$!
fi

"$@"
rc=$?

if ! $deb; then
	echo "check: SKIP deb-install-upgrade [vm] (TESTS, SKIP_VM or SKIP_DEB)"
	exit $rc
fi
wait "$deb_pid"
deb_rc=$?
deb_pid=
if [ "$deb_rc" -ne 0 ]; then
	tail -40 "$log" >&2
	echo "check: FAIL make deb (exit $deb_rc, log: $log)"
	exit 1
fi
grep -E '^deb: (times|lintian|build/deb is up to date)' "$log"
"$top/mk/check-deb.sh" || rc=1
exit $rc
