# shellcheck shell=bash
# Sourced by this directory's swan-* helpers, which run in two places:
#
#  - under swantest (testing/harness/swantest.py), which sets SWAN_RUNDIR:
#    "ipsec" is the harness's wrapper (this host's own rundir, NSS DB and
#    log), and a helper prints what it checked;
#  - on a libreswan test guest, as a step of a test in libreswan's own
#    form run by upstream's runner (or testing/upstream/run.py): "ipsec"
#    is the installed one, pluto logs to /tmp/pluto.log, the step runs in
#    the test's directory.  On a terminal (the console) a helper prints
#    nothing when it passes and "FAIL: ..." when it does not, so the
#    recorded console holds only what is stable from run to run.
swan_here=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
swan_guest=false
[ -n "${SWAN_RUNDIR:-}" ] || swan_guest=true
# fd 3: where a failure is told
exec 3>&2
if $swan_guest && [ -t 1 ]; then
	exec >/dev/null 2>&1
	set -E
	trap 'echo "FAIL: $(basename "$0"): line $LINENO: $BASH_COMMAND" >&3' ERR
fi
swan_log() { "$swan_here/swan-log" "$@"; }
swan_match() { "$swan_here/swan-match" "$@"; }
# start this host's pluto and wait until it has added its connections
swan_start() {
	ipsec start
	if $swan_guest; then
		"$swan_here/wait-until-pluto-started"
	fi
}
# SIGKILL this host's pluto: a crash the test means (swantest does not
# count it); no Delete, no shutdown
swan_kill() {
	if ! $swan_guest; then
		ipsec kill
		return
	fi
	local pid
	pid=$(cat /run/pluto/pluto.pid)
	kill -9 "$pid"
	# gone, or a zombie: on a namespace host its parent (the PID
	# namespace's init, a sleep) may never reap it
	while kill -0 "$pid" 2>/dev/null &&
	      [ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" != Z ]; do
		sleep 0.1
	done
	rm -f /run/pluto/pluto.pid /run/pluto/pluto.ctl
	echo "pluto killed"
}
