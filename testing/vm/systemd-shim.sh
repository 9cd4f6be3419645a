#!/bin/bash
# A stand-in for systemctl and deb-systemd-invoke in the VM tier's guest,
# which has no systemd (testing/vm/deb-install-upgrade.sh).  Linked into
# a directory ahead of /usr/bin on PATH under both names, it does for
# ipsec.service what systemd does with the installed unit, and nothing
# of its own: start runs the unit's ExecStartPre lines and then its
# ExecStart line as written (in the network namespace $SHIM_NETNS),
# stop runs ExecStop as written, waits for the main process to end (as
# systemd does, up to TimeoutStopSec; here 30 s) and then runs
# ExecStopPost; restart and try-restart are stop (if running) then
# start.  The main process's pid and how it ended go to $SHIM_STATE
# (main.pid, main.exit).  Every call, from the package's maintainer
# scripts or from the test, is appended to $SHIM_STATE/calls.log; any
# other verb or unit is logged and succeeds (daemon-reload, preset,
# is-enabled, ...).
set -euo pipefail
state=${SHIM_STATE:?}
netns=${SHIM_NETNS:?}
unit=/lib/systemd/system/ipsec.service
mkdir -p "$state"
echo "$(basename "$0") $*" >> "$state/calls.log"

unit_lines() { sed -n "s/^$1=//p" "$unit"; }
running() { [ -s "$state/main.pid" ] && [ ! -e "$state/main.exit" ] && kill -0 "$(cat "$state/main.pid")" 2>/dev/null; }

start() {
	local line
	running && return 0
	while read -r line; do
		ip netns exec "$netns" sh -c "$line" || { echo "shim: ExecStartPre failed: $line" >&2; return 1; }
	done < <(unit_lines ExecStartPre)
	line=$(unit_lines ExecStart)
	rm -f "$state/main.pid" "$state/main.exit"
	# the main process: its pid (exec keeps it) and its exit status
	setsid bash -c 'ip netns exec "$1" sh -c "echo \$\$ > \"$2/main.pid\"; exec $3"; echo $? > "$2/main.exit"' \
		shim "$netns" "$state" "$line" </dev/null >>"$state/main.out" 2>&1 &
	for _ in $(seq 100); do
		ip netns exec "$netns" /usr/libexec/ipsec/whack --status >/dev/null 2>&1 && return 0
		[ -e "$state/main.exit" ] && break
		sleep 0.1
	done
	echo "shim: ipsec.service did not start" >&2
	return 1
}

stop() {
	local line
	running || return 0
	while read -r line; do
		ip netns exec "$netns" sh -c "$line" || true
	done < <(unit_lines ExecStop)
	for _ in $(seq 300); do [ -e "$state/main.exit" ] && break; sleep 0.1; done
	[ -e "$state/main.exit" ] || { echo "shim: pluto did not stop within 30 s" >&2; return 1; }
	echo "shim: ipsec.service main process exited $(cat "$state/main.exit")" >> "$state/calls.log"
	while read -r line; do
		ip netns exec "$netns" sh -c "$line" || true
	done < <(unit_lines ExecStopPost)
}

# systemctl [--system] [--no-reload] VERB UNIT...; deb-systemd-invoke VERB UNIT...
args=()
for a in "$@"; do
	case $a in -*) ;; *) args+=("$a") ;; esac
done
verb=${args[0]:-}
units=("${args[@]:1}")
for u in "${units[@]}"; do
	[ "$u" = ipsec.service ] || [ "$u" = ipsec ] || continue
	case $verb in
	start) start ;;
	stop) stop ;;
	restart) stop; start ;;
	try-restart) if running; then stop; start; fi ;;
	is-active) running ;;
	esac
done
exit 0
