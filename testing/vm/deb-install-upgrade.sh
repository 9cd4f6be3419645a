#!/bin/bash
# VM tier (issue #20): install the built Debian package in the guest and
# upgrade it under connected clients.
#
#  1. dpkg -i the package (its maintainer scripts run; a shim stands in
#     for systemd, testing/vm/systemd-shim.sh, and runs the installed
#     unit's lines as written);
#  2. resumption tests against the installed files: the runner with
#     prefix /usr (the package's /usr/libexec/ipsec/pluto and
#     /usr/sbin/ipsec): ikev2-resume-esp-psk (ESP over the resumed
#     Child SA);
#  3. a gateway run as ipsec.service, clients with tickets and ESP Child
#     SAs, a ping every 0.1 s through the tunnel;
#  4. "upgrade": dpkg -i the same package again.  Its postinst calls
#     deb-systemd-invoke restart ipsec.service; the shim runs the unit's
#     ExecStop, ExecStopPost, ExecStartPre and ExecStart as written.
#     The stop must send no Delete (the package's ipsec.conf says
#     session-resumption-shutdown=keep); every client must resume (no
#     second IKE_SA_INIT) and its traffic flow again; the ping's loss
#     across the restart is reported;
#  5. the operator's stop for good (whack --shutdown --delete-resumable)
#     must send the Delete, and the clients drop their tickets.
#
# usage (host): testing/vm/vm.sh run -o OUT testing/vm/deb-install-upgrade.sh DEBDIR
# (make check-deb).  Runs as root in the guest; writes go to its overlay.
set -euo pipefail
debdir=$(cd "${1:?usage: $0 DEBDIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${VM_OUT:-/tmp/deb-install-upgrade}
mkdir -p "$out"
exec > >(tee "$out/log.txt") 2>&1
set -x
t0=$(date +%s)

deb=$(ls "$debdir"/libreswan_*_amd64.deb)
unit=/lib/systemd/system/ipsec.service
CLIENTS=${DEB_UPGRADE_CLIENTS:-3}
cl_pids=()
ping_pid=

fail() { set +x; echo "FAIL: $*"; exit 1; }
cleanup() {
	set +e
	[ -z "$ping_pid" ] || kill "$ping_pid" 2>/dev/null
	systemctl stop ipsec.service 2>/dev/null
	for p in "${cl_pids[@]}" $(cat "$SHIM_STATE/main.pid" 2>/dev/null); do kill "$p" 2>/dev/null; done
	sleep 1
	for p in "${cl_pids[@]}" $(cat "$SHIM_STATE/main.pid" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
	for ns in gw $(seq -f 'cl%g' "$CLIENTS"); do ip netns del "$ns" 2>/dev/null; done
	cp -f /var/log/pluto.log "$out/east-pluto.log" 2>/dev/null
	for i in $(seq "$CLIENTS"); do cp -f "/tmp/west$i/pluto.log" "$out/west$i-pluto.log" 2>/dev/null; done
}
trap cleanup EXIT

gw() { ip netns exec gw "$@"; }

# --- the service manager: a shim for systemd ----------------------------
# The package's maintainer scripts call systemctl and deb-systemd-invoke
# when /run/systemd/system exists (debhelper's snippets); the shim does
# for ipsec.service what systemd does with the installed unit
shim=/tmp/systemd-shim
mkdir -p "$shim" /run/systemd/system
for n in systemctl deb-systemd-invoke; do
	ln -sf "$here/systemd-shim.sh" "$shim/$n"
done
export PATH=$shim:$PATH SHIM_STATE=$out/service SHIM_NETNS=gw
calls() { cat "$SHIM_STATE/calls.log" 2>/dev/null || true; }

# --- network: the gateway (east) and CLIENTS clients on a bridge -------
ip netns add gw
gw ip link set lo up
gw ip link add br0 type bridge
gw ip link set br0 up
gw ip addr add 192.0.2.23/24 dev br0
for i in $(seq "$CLIENTS"); do
	ip netns add "cl$i"
	ip link add "veth$i" netns gw type veth peer name eth0 netns "cl$i"
	gw ip link set "veth$i" master br0 up
	ip netns exec "cl$i" ip link set lo up
	ip netns exec "cl$i" ip addr add "192.0.2.$((100 + i))/24" dev eth0
	ip netns exec "cl$i" ip link set eth0 up
done

# --- 1. install ----------------------------------------------------------
# man-db's trigger re-indexes every manual page over 9p under TCG for
# minutes at each dpkg run; the guest's overlay needs no index
rm -f /var/lib/man-db/auto-update
# the package Conflicts: with strongSwan's (ike-server), which the host
# has for the EAP tests; in the guest's overlay they can go
conflicting=$(dpkg-query -W -f '${Package} ${db:Status-Status}\n' \
	'strongswan*' 'libstrongswan*' 'libcharon*' 2>/dev/null | awk '$2 == "installed" { print $1 }')
[ -z "$conflicting" ] || dpkg --remove --force-depends $conflicting
DEBIAN_FRONTEND=noninteractive dpkg -i "$deb"
dpkg -s libreswan | grep '^Version: .*rfc5723'
[ -x /usr/libexec/ipsec/pluto ] && [ -x /usr/sbin/ipsec ]
grep -E '^[[:space:]]*session-resumption-shutdown=keep' /etc/ipsec.conf
grep '^ExecStop=/usr/libexec/ipsec/whack --shutdown$' "$unit"
calls | grep -E '^deb-systemd-invoke start ipsec.service' || fail "the postinst did not start ipsec.service"
systemctl stop ipsec.service
calls | grep -q 'main process exited 0$' || fail "the first ipsec.service did not exit 0"

# --- 2. resumption tests against the installed files -------------------
t1=$(date +%s)
# (ikev2-resume-gateway-restart-keep, the restart path, is what 3. and
# 4. below do with the unit's lines)
python3 "$top/testing/harness/swantest.py" --in-vm --installed --prefix /usr \
	ikev2-resume-esp-psk 2>&1 | tee "$out/installed-tests.txt"
grep -q '^1 passed, 0 failed' "$out/installed-tests.txt" || fail "the resumption test against the installed package"
t2=$(date +%s)

# --- 3. the gateway as ipsec.service, clients up ------------------------
# an operator's edit: a log file instead of syslog (the guest has none)
sed -i 's|^\t#logfile=/var/log/pluto.log|\tlogfile=/var/log/pluto.log|' /etc/ipsec.conf
grep -q '^	logfile=/var/log/pluto.log' /etc/ipsec.conf
PSK='resume-test-psk-long-enough-for-sha2-512-prf-ok'
cat > /etc/ipsec.d/resume-test.conf <<'EOF'
conn clients
	left=192.0.2.23
	leftid=@east
	right=%any
	rightid=%any
	authby=secret
	auto=add
	session-resumption=yes
EOF
echo "@east %any : PSK \"$PSK\"" > /etc/ipsec.d/resume-test.secrets
chmod 600 /etc/ipsec.d/resume-test.secrets
systemctl start ipsec.service
/usr/libexec/ipsec/whack --status | grep 'session-resumption-shutdown=keep'
ipsec whack --resumestatus | grep 'session resumption: tickets issued=0'

client() { # N CMD...: in client N's namespace
	local i=$1; shift
	ip netns exec "cl$i" "$@"
}
cwhack() { local i=$1; shift; client "$i" /usr/libexec/ipsec/whack --ctlsocket "/tmp/west$i/run/pluto.ctl" "$@"; }
for i in $(seq "$CLIENTS"); do
	W=/tmp/west$i
	mkdir -p "$W/run" "$W/nss"
	certutil -N -d "sql:$W/nss" --empty-password
	cat > "$W/ipsec.conf" <<EOF
config setup
	logtime=yes

conn west
	left=192.0.2.$((100 + i))
	leftid=@west$i
	right=192.0.2.23
	rightid=@east
	authby=secret
	auto=ignore
	session-resumption=yes
EOF
	echo "@west$i @east : PSK \"$PSK\"" > "$W/ipsec.secrets"
	chmod 600 "$W/ipsec.secrets"
	client "$i" setsid /usr/libexec/ipsec/pluto --config "$W/ipsec.conf" --rundir "$W/run" \
		--nssdir "$W/nss" --secretsfile "$W/ipsec.secrets" --ipsecdir "$W" \
		--logfile "$W/pluto.log" --no-dnssec --nofork </dev/null >"$out/west$i-stderr.txt" 2>&1 &
	cl_pids+=($!)
	for _ in $(seq 100); do cwhack "$i" --status >/dev/null 2>&1 && break; sleep 0.1; done
	client "$i" /usr/libexec/ipsec/addconn --config "$W/ipsec.conf" --ctlsocket "$W/run/pluto.ctl" west
	cwhack "$i" --impair revival --impair suppress-retransmits
	timeout 30 ip netns exec "cl$i" /usr/libexec/ipsec/whack --ctlsocket "$W/run/pluto.ctl" --name west --initiate
	grep -q 'received v2N_TICKET_LT_OPAQUE' "$W/pluto.log" || fail "client $i: no ticket"
	[ "$(grep -c 'sent IKE_SA_INIT request to' "$W/pluto.log")" = 1 ]
	client "$i" ping -c 2 -i 0.2 -W 1 192.0.2.23
done
gw ip xfrm state > "$out/xfrm-before.txt"
[ "$(grep -c 'proto esp' "$out/xfrm-before.txt")" = $((2 * CLIENTS)) ] || fail "not $CLIENTS ESP SA pairs on east"
ipsec whack --trafficstatus > "$out/trafficstatus-before.txt"

# a ping every 0.1 s from client 1 across the upgrade: the traffic gap
client 1 ping -i 0.1 -W 1 -D 192.0.2.23 > "$out/ping.txt" 2>&1 &
ping_pid=$!
sleep 1

# --- 4. upgrade: the same package again; its postinst restarts the unit --
before=$(calls | wc -l)
restart_start=$(date +%s.%N)
DEBIAN_FRONTEND=noninteractive dpkg -i --force-confold "$deb"
calls | tail -n +$((before + 1)) | tee "$out/upgrade-calls.txt"
grep -E '^deb-systemd-invoke restart ipsec.service' "$out/upgrade-calls.txt" ||
	fail "the upgrade's postinst did not restart ipsec.service"
grep -q 'main process exited 0$' "$out/upgrade-calls.txt" || fail "the old pluto did not exit 0"
[ "$(grep -c 'shutdown: not sending a Delete so the peer keeps its session resumption ticket' /var/log/pluto.log)" = "$CLIENTS" ] ||
	fail "the upgrade's stop did not leave every client's IKE SA without a Delete"
/usr/libexec/ipsec/whack --status >/dev/null || fail "no pluto after the upgrade"
# the clients notice (here: at once, as a user or a liveness check
# would) and reconnect
for i in $(seq "$CLIENTS"); do
	W=/tmp/west$i
	cwhack "$i" --name west --suspend
	timeout 30 ip netns exec "cl$i" /usr/libexec/ipsec/whack --ctlsocket "$W/run/pluto.ctl" --name west --initiate
done
for _ in $(seq 50); do
	client 1 ping -c 1 -W 1 192.0.2.23 >/dev/null && break
done
resumed=$(date +%s.%N)
sleep 1
# SIGTERM: a background job ignores SIGINT (bash without job control),
# so ping prints no summary; the counts come from its lines
kill "$ping_pid"; wait "$ping_pid" || true; ping_pid=
for i in $(seq "$CLIENTS"); do
	W=/tmp/west$i
	grep -q 'initiator established IKE SA; authenticated peer using authby=session-resume' "$W/pluto.log" ||
		fail "client $i did not resume"
	grep -q 'dropping the session resumption ticket' "$W/pluto.log" && fail "client $i dropped its ticket"
	[ "$(grep -c 'sent IKE_SA_INIT request to' "$W/pluto.log")" = 1 ] || fail "client $i: a full handshake after the upgrade"
	client "$i" ping -c 2 -i 0.2 -W 1 192.0.2.23
done
ipsec whack --resumestatus | tee "$out/resumestatus-after.txt"
full=$(grep -c 'responder established IKE SA; authenticated peer using authby=secret' /var/log/pluto.log || true)
resumed_n=$(grep -c 'responder established IKE SA; authenticated peer using authby=session-resume' /var/log/pluto.log || true)
[ "$resumed_n" = "$CLIENTS" ] || fail "the gateway resumed $resumed_n of $CLIENTS clients"
gw ip xfrm state > "$out/xfrm-after.txt"
[ "$(grep -c 'proto esp' "$out/xfrm-after.txt")" = $((2 * CLIENTS)) ] || fail "not $CLIENTS ESP SA pairs on east after the upgrade"
ipsec whack --trafficstatus | tee "$out/trafficstatus-after.txt" | grep -c 'inBytes=[1-9]' | grep -qx "$CLIENTS" ||
	fail "not every resumed Child SA carried the ping"
# answered sequence numbers up to the last answered one: the rest were lost
read -r sent lost < <(sed -n 's/.*bytes from.*icmp_seq=\([0-9]*\).*/\1/p' "$out/ping.txt" | sort -n -u |
	awk 'NR == 1 { first = $1 } { prev = $1; n++ } END { print prev - first + 1, prev - first + 1 - n }')
echo "deb upgrade under $CLIENTS clients: $resumed_n resumed, $((full - CLIENTS)) full handshakes after the restart; ping every 0.1 s through client 1's tunnel: $lost of $sent lost; upgrade (dpkg -i) to traffic again: $(awk "BEGIN { printf \"%.1f\", $resumed - $restart_start }") s" |
	tee "$out/summary.txt"

# --- 5. the operator's stop for good --------------------------------------
gw /usr/libexec/ipsec/whack --shutdown --delete-resumable
for _ in $(seq 200); do [ -e "$SHIM_STATE/main.exit" ] && break; sleep 0.1; done
[ "$(cat "$SHIM_STATE/main.exit")" = 0 ] || fail "pluto exited $(cat "$SHIM_STATE/main.exit")"
for i in $(seq "$CLIENTS"); do
	W=/tmp/west$i
	for _ in $(seq 100); do
		grep -q 'dropping the session resumption ticket: the peer deleted the IKE SA' "$W/pluto.log" && break
		sleep 0.1
	done
	grep -q 'dropping the session resumption ticket: the peer deleted the IKE SA' "$W/pluto.log" ||
		fail "the stop for good did not make client $i drop its ticket"
	cwhack "$i" --shutdown
done
for p in "${cl_pids[@]}"; do wait "$p" || fail "a client's pluto exited $?"; done
cl_pids=()
t3=$(date +%s)
set +x
echo "times: install $((t1 - t0)) s, installed-prefix tests $((t2 - t1)) s, clients+upgrade+stop $((t3 - t2)) s" | tee -a "$out/summary.txt"
echo "PASS deb-install-upgrade"
