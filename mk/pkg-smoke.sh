#!/bin/bash
# The packaged pluto has the series (issue #20): run the gateway from a
# package's own files, the way its ipsec.service does, and ask it
# "ipsec whack --resumestatus".
#
#   mk/pkg-smoke.sh ROOT   ROOT holds the package's files, unpacked
#                          (dpkg-deb -x, or rpm2cpio | cpio -id)
#
# Called by mk/deb.sh and mk/rpm.sh after the build.  Nothing is
# installed on the machine: in a mount and network namespace of its own
# (unshare -m -n), ROOT's /usr/libexec, /usr/sbin, /etc and /var/lib are
# laid over the machine's with overlayfs (writes go to a tmpfs), /run is
# a fresh tmpfs; then the installed unit's ExecStartPre and ExecStart
# lines run as written, whack --status must show
# session-resumption-shutdown=keep (the package's ipsec.conf),
# "ipsec whack --resumestatus" (the package's /usr/sbin/ipsec) must
# answer with the series' counters (stock 5.2's whack has no such
# option), and the unit's ExecStop must end pluto with status 0 and no
# leaks.  Everything goes with the namespace.
set -euo pipefail
root=$(cd "${1:?usage: $0 ROOT}" && pwd)
unit=$(find "$root" -name ipsec.service -path '*systemd/system/*' | head -1)
[ -n "$unit" ] || { echo "pkg-smoke: no ipsec.service under $root" >&2; exit 1; }
[ -x "$root/usr/libexec/ipsec/pluto" ] || { echo "pkg-smoke: no usr/libexec/ipsec/pluto under $root" >&2; exit 1; }

if [ "${PKG_SMOKE_INSIDE:-}" != yes ]; then
	exec env PKG_SMOKE_INSIDE=yes unshare --mount --net --propagation private "$0" "$root"
fi

# --- inside the namespaces ------------------------------------------------
scratch=$(mktemp -d /tmp/pkg-smoke.XXXXXX)
mount -t tmpfs pkg-smoke "$scratch"
for d in usr/libexec usr/sbin etc var/lib; do
	[ -d "$root/$d" ] || continue
	mkdir -p "$scratch/$d.upper" "$scratch/$d.work"
	mount -t overlay pkg-smoke -o "lowerdir=$root/$d:/$d,upperdir=$scratch/$d.upper,workdir=$scratch/$d.work" "/$d"
done
mount -t tmpfs pkg-smoke /run
ip link set lo up
log=$scratch/pluto.log
# an operator's edit: a log file instead of syslog (none in here)
sed -i "s|^\t#logfile=/var/log/pluto.log|\tlogfile=$log|" /etc/ipsec.conf
grep -q "^	logfile=$log" /etc/ipsec.conf

unit_lines() { sed -n "s/^$1=//p" "$unit"; }
echo "pkg-smoke: $(/usr/libexec/ipsec/pluto --version 2>&1 | head -1), from $root"
while read -r line; do
	echo "pkg-smoke: ExecStartPre=$line"
	sh -c "$line"
done < <(unit_lines ExecStartPre)
line=$(unit_lines ExecStart)
echo "pkg-smoke: ExecStart=$line"
# shellcheck disable=SC2086
setsid $line </dev/null >"$scratch/pluto.stderr" 2>&1 &
pid=$!
up=
for _ in $(seq 100); do
	if /usr/libexec/ipsec/whack --status >/dev/null 2>&1; then up=yes; break; fi
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
if [ -z "$up" ]; then
	cat "$scratch/pluto.stderr" "$log" 2>/dev/null | tail -20
	kill -9 "$pid" 2>/dev/null || true
	echo "pkg-smoke: FAIL: the packaged pluto did not start" >&2
	exit 1
fi
fail() {
	echo "pkg-smoke: FAIL: $*" >&2
	kill -9 "$pid" 2>/dev/null || true
	exit 1
}
/usr/libexec/ipsec/whack --status | grep -o 'session-resumption-shutdown=keep' ||
	fail "the package's ipsec.conf does not give session-resumption-shutdown=keep"
status=$(ipsec whack --resumestatus) || fail "ipsec whack --resumestatus failed"
echo "$status" | sed 's/^/pkg-smoke: /'
echo "$status" | grep -q '^session resumption: tickets issued=0' ||
	fail "no session resumption counters"
line=$(unit_lines ExecStop)
echo "pkg-smoke: ExecStop=$line"
sh -c "$line"
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "pluto did not stop"
wait "$pid" || fail "pluto exited $?"
grep -q 'leak detective found no leaks' "$log" || fail "leaks (or no leak detective) in $log"
while read -r line; do
	echo "pkg-smoke: ExecStopPost=$line"
	sh -c "$line" || true
done < <(unit_lines ExecStopPost)
echo "pkg-smoke: PASS: the packaged pluto has the series (ipsec whack --resumestatus), stopped with status 0, no leaks"
