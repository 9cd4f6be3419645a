#!/bin/bash
# ipsec.conf(5) and ipsec-whack(8) build with xmlto and document the
# session resumption options.
set -eu
. "$SWAN_TOP/mk/libreswan.version"
tree=$SWAN_TOP/build/libreswan-$LIBRESWAN_VERSION
for d in configs programs/whack; do
	make -C "$tree/$d" PREFIX="$SWAN_PREFIX" INITSYSTEM=docker local-manpages >/dev/null
done
render() { nroff -man "$1" 2>/dev/null | col -b; }
conf=$(render "$(ls "$tree"/OBJ.*/configs/ipsec.conf.5)")
whack=$(render "$(ls "$tree"/OBJ.*/programs/whack/ipsec-whack.8)")
for option in session-resumption session-resumption-key-rotation session-resumption-ticket-lifetime \
	      session-resumption-cluster-seed session-resumption-replay-cache \
	      session-resumption-store session-resumption-store-credentials \
	      session-resumption-store-timeout session-resumption-store-failure \
	      session-resumption-store-tickets; do
	grep -q "^ *$option\$" <<< "$conf" || { echo "ipsec.conf(5) lacks $option" >&2; exit 1; }
	echo "ipsec.conf(5): $option"
done
for option in --resumestatus --rotate-resume-key --purge-resume-keys; do
	grep -q "^ *$option\$" <<< "$whack" || { echo "ipsec-whack(8) lacks $option" >&2; exit 1; }
	echo "ipsec-whack(8): $option"
done
# what --down does to a gateway's tickets (patch 0018)
grep -q "also revokes the" <<< "$whack" || { echo "ipsec-whack(8) lacks the --down revocation" >&2; exit 1; }
echo "ipsec-whack(8): --down revokes tickets"
# revocation by peer ID (patch 0027): the option and what it does
grep -q "^ *--revoke-resume-id --name id\$" <<< "$whack" || { echo "ipsec-whack(8) lacks --revoke-resume-id" >&2; exit 1; }
grep -q "revoke every session resumption ticket issued" <<< "$whack" || { echo "ipsec-whack(8) does not say what --revoke-resume-id does" >&2; exit 1; }
echo "ipsec-whack(8): --revoke-resume-id --name id"
# the IKE socket buffer's new default (patch 0025)
grep -q "The default is 16777216 (16 MiB)" <<< "$(tr -s ' \t\n' ' ' <<< "$conf")" || { echo "ipsec.conf(5) lacks ike-socket-bufsize's default" >&2; exit 1; }
echo "ipsec.conf(5): ike-socket-bufsize defaults to 16 MiB"
# the client's ticket refresh (patch 0031)
grep -q "keeps its ticket fresh with an INFORMATIONAL exchange" <<< "$(tr -s ' \t\n' ' ' <<< "$conf")" || { echo "ipsec.conf(5) does not describe the ticket refresh" >&2; exit 1; }
echo "ipsec.conf(5): session-resumption describes the ticket refresh"
# the client's ticket kept across restarts (patch 0032)
grep -q "keeps each connection's ticket across restarts of pluto" <<< "$(tr -s ' \t\n' ' ' <<< "$conf")" || { echo "ipsec.conf(5) does not describe the client's stored ticket" >&2; exit 1; }
echo "ipsec.conf(5): session-resumption describes the client's stored ticket"
# the gateway deletes the IKE SA a resumed ticket came from (patch 0044)
grep -q "the gateway deletes that IKE SA and its Child SAs, kernel SAs included, without sending a Delete" <<< "$(tr -s ' \t\n' ' ' <<< "$conf")" || { echo "ipsec.conf(5) does not say the superseded IKE SA is deleted" >&2; exit 1; }
echo "ipsec.conf(5): session-resumption deletes the superseded IKE SA"
grep -q "superseded IKE SAs deleted=" <<< "$(tr -s ' \t\n' ' ' <<< "$whack")" || { echo "ipsec-whack(8) lacks the superseded IKE SA counter" >&2; exit 1; }
echo "ipsec-whack(8): --resumestatus counts superseded IKE SAs"
