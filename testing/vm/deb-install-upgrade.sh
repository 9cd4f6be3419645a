#!/bin/bash
# VM tier (issue #20): install the built Debian package in the guest,
# run a gateway from it the way ipsec.service does (the installed unit's
# ExecStartPre/ExecStart lines as written; the guest has no systemd),
# connect a client (with a ticket, an ESP Child SA, a ping running),
# then "upgrade": install the same package again and run what the
# upgrade's restart runs, the unit's ExecStop/ExecStopPost and
# ExecStartPre/ExecStart.  The client must resume (no second
# IKE_SA_INIT) and its traffic flow again; the ping's loss across the
# restart is reported.  Last, the operator's stop for good
# (whack --shutdown --delete-resumable) must send the Delete.
#
# usage (host): testing/vm/vm.sh run -o OUT testing/vm/deb-install-upgrade.sh DEBDIR
# (make check-deb).  Runs as root in the guest; writes go to its overlay.
set -euo pipefail
debdir=$(cd "${1:?usage: $0 DEBDIR}" && pwd)
out=${VM_OUT:-/tmp/deb-install-upgrade}
mkdir -p "$out"
exec > >(tee "$out/log.txt") 2>&1
set -x

deb=$(ls "$debdir"/libreswan_*_amd64.deb)
unit=/lib/systemd/system/ipsec.service
W=/tmp/west
gw_pid=
cl_pid=
ping_pid=

fail() { set +x; echo "FAIL: $*"; exit 1; }
cleanup() {
	set +e
	for p in $ping_pid $cl_pid $gw_pid; do kill "$p" 2>/dev/null; done
	sleep 1
	for p in $ping_pid $cl_pid $gw_pid; do kill -9 "$p" 2>/dev/null; done
	ip netns del gw 2>/dev/null
	ip netns del cl 2>/dev/null
	cp -f /var/log/pluto.log "$out/east-pluto.log" 2>/dev/null
	cp -f "$W/pluto.log" "$out/west-pluto.log" 2>/dev/null
}
trap cleanup EXIT

# unit LINE-KIND: the installed unit's lines of that kind, as written
unit_lines() { sed -n "s/^$1=//p" "$unit"; }
gw() { ip netns exec gw "$@"; }
cl() { ip netns exec cl "$@"; }
west_whack() { cl /usr/libexec/ipsec/whack --ctlsocket "$W/run/pluto.ctl" "$@"; }

# --- install ---------------------------------------------------------
# the package Conflicts: with strongSwan's (ike-server), which the host
# has for the EAP tests; in the guest's overlay they can go
conflicting=$(dpkg-query -W -f '${Package} ${db:Status-Status}\n' \
	'strongswan*' 'libstrongswan*' 'libcharon*' 2>/dev/null | awk '$2 == "installed" { print $1 }')
[ -z "$conflicting" ] || dpkg --remove --force-depends $conflicting
DEBIAN_FRONTEND=noninteractive dpkg -i "$deb"
dpkg -s libreswan | grep '^Version: .*rfc5723'
grep -E '^[[:space:]]*session-resumption-shutdown=keep' /etc/ipsec.conf
grep '^ExecStop=/usr/libexec/ipsec/whack --shutdown$' "$unit"
# an operator's edit: a log file instead of syslog (the guest has none)
sed -i 's|^\t#logfile=/var/log/pluto.log|\tlogfile=/var/log/pluto.log|' /etc/ipsec.conf
grep -q '^	logfile=/var/log/pluto.log' /etc/ipsec.conf

# --- network: west (client) and east (gateway) ------------------------
ip netns add gw
ip netns add cl
ip link add veth-gw netns gw type veth peer name veth-cl netns cl
gw ip link set lo up; cl ip link set lo up
gw ip addr add 192.0.2.23/24 dev veth-gw; gw ip link set veth-gw up
cl ip addr add 192.0.2.45/24 dev veth-cl; cl ip link set veth-cl up

cat > /etc/ipsec.d/resume-test.conf <<'EOF'
conn west-east
	left=192.0.2.23
	leftid=@east
	right=192.0.2.45
	rightid=@west
	authby=secret
	auto=add
	session-resumption=yes
EOF
echo '@west @east : PSK "resume-test-psk-long-enough-for-sha2-512-prf-ok"' > /etc/ipsec.d/resume-test.secrets
chmod 600 /etc/ipsec.d/resume-test.secrets

start_gateway() {
	local line
	while read -r line; do gw sh -c "$line"; done < <(unit_lines ExecStartPre)
	line=$(unit_lines ExecStart)
	# shellcheck disable=SC2086
	gw setsid $line </dev/null >>"$out/east-stderr.txt" 2>&1 &
	gw_pid=$!
	for _ in $(seq 100); do
		/usr/libexec/ipsec/whack --status >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	fail "the packaged pluto did not start"
}
stop_gateway() { # the unit's ExecStop and ExecStopPost, then wait for pluto
	local line
	while read -r line; do gw sh -c "$line"; done < <(unit_lines ExecStop)
	for _ in $(seq 200); do kill -0 "$gw_pid" 2>/dev/null || break; sleep 0.1; done
	kill -0 "$gw_pid" 2>/dev/null && fail "pluto did not stop"
	wait "$gw_pid" || fail "pluto exited $?"
	gw_pid=
	while read -r line; do gw sh -c "$line" || true; done < <(unit_lines ExecStopPost)
}

mkdir -p /run/pluto
start_gateway
/usr/libexec/ipsec/whack --status | grep 'session-resumption-shutdown=keep'
/usr/libexec/ipsec/whack --resumestatus | grep 'session resumption: tickets issued=0'

# --- the client: the packaged pluto, its own directories ----------------
mkdir -p "$W/run" "$W/nss"
certutil -N -d "sql:$W/nss" --empty-password
cat > "$W/ipsec.conf" <<'EOF'
config setup
	logtime=yes

conn west-east
	left=192.0.2.45
	leftid=@west
	right=192.0.2.23
	rightid=@east
	authby=secret
	auto=ignore
	session-resumption=yes
EOF
echo '@west @east : PSK "resume-test-psk-long-enough-for-sha2-512-prf-ok"' > "$W/ipsec.secrets"
cl setsid /usr/libexec/ipsec/pluto --config "$W/ipsec.conf" --rundir "$W/run" \
	--nssdir "$W/nss" --secretsfile "$W/ipsec.secrets" --ipsecdir "$W" \
	--logfile "$W/pluto.log" --no-dnssec --nofork </dev/null >"$out/west-stderr.txt" 2>&1 &
cl_pid=$!
for _ in $(seq 100); do west_whack --status >/dev/null 2>&1 && break; sleep 0.1; done
cl /usr/libexec/ipsec/addconn --config "$W/ipsec.conf" --ctlsocket "$W/run/pluto.ctl" west-east
west_whack --impair revival --impair suppress-retransmits
timeout 30 /usr/bin/ip netns exec cl /usr/libexec/ipsec/whack --ctlsocket "$W/run/pluto.ctl" --name west-east --initiate
grep -q 'received v2N_TICKET_LT_OPAQUE' "$W/pluto.log" || fail "no ticket"
[ "$(grep -c 'sent IKE_SA_INIT request to' "$W/pluto.log")" = 1 ]
cl ping -c 3 -i 0.2 -W 1 192.0.2.23
gw ip xfrm state > "$out/xfrm.txt"; grep -q 'proto esp' "$out/xfrm.txt" || fail "no ESP SA on east"

# a ping every 0.1 s across the upgrade: the traffic gap
cl ping -i 0.1 -W 1 -D 192.0.2.23 > "$out/ping.txt" 2>&1 &
ping_pid=$!
sleep 1

# --- upgrade: the same package again, then the restart's unit lines ---
DEBIAN_FRONTEND=noninteractive dpkg -i --force-confold "$deb"
restart_start=$(date +%s.%N)
stop_gateway
grep -q 'shutdown: not sending a Delete so the peer keeps its session resumption ticket' /var/log/pluto.log ||
	fail "the upgrade's stop sent the Delete"
start_gateway
# west notices (here: at once, as a user or its liveness check would) and reconnects
west_whack --name west-east --suspend
timeout 30 /usr/bin/ip netns exec cl /usr/libexec/ipsec/whack --ctlsocket "$W/run/pluto.ctl" --name west-east --initiate
grep -q 'initiator established IKE SA; authenticated peer using authby=session-resume' "$W/pluto.log" ||
	fail "west did not resume"
grep -q 'dropping the session resumption ticket' "$W/pluto.log" && fail "west dropped its ticket"
[ "$(grep -c 'sent IKE_SA_INIT request to' "$W/pluto.log")" = 1 ] || fail "a full handshake after the upgrade"
for _ in $(seq 50); do
	cl ping -c 1 -W 1 192.0.2.23 >/dev/null && break
done
resumed=$(date +%s.%N)
sleep 1
kill -INT "$ping_pid"; wait "$ping_pid" || true; ping_pid=
gw ip xfrm state > "$out/xfrm.txt"; grep -q 'proto esp' "$out/xfrm.txt" || fail "no ESP SA on east after the upgrade"
summary=$(grep -E 'packets transmitted' "$out/ping.txt")
echo "traffic across the upgrade (ping every 0.1 s): $summary; restart to traffic again: $(awk "BEGIN { printf \"%.1f\", $resumed - $restart_start }") s" |
	tee "$out/summary.txt"

# --- the operator's stop for good --------------------------------------
gw /usr/libexec/ipsec/whack --shutdown --delete-resumable
for _ in $(seq 200); do kill -0 "$gw_pid" 2>/dev/null || break; sleep 0.1; done
wait "$gw_pid" || fail "pluto exited $?"
gw_pid=
for _ in $(seq 100); do
	grep -q 'dropping the session resumption ticket: the peer deleted the IKE SA' "$W/pluto.log" && break
	sleep 0.1
done
grep -q 'dropping the session resumption ticket: the peer deleted the IKE SA' "$W/pluto.log" ||
	fail "the stop for good did not make west drop its ticket"
west_whack --shutdown
wait "$cl_pid" || fail "west's pluto exited $?"
cl_pid=
set +x
echo "PASS deb-install-upgrade"
