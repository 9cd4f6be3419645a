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
	      session-resumption-cluster-seed; do
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
