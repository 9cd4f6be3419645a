#!/bin/bash
# make check-deb: the VM tier's install-and-upgrade test of the package
# make deb built (testing/vm/deb-install-upgrade.sh).  The guest shares
# the host's root file system (read-only, under an overlay) and has no
# network, so the package's run-time Depends are installed here, by apt.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
deb=$(ls "$top"/build/deb/libreswan_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "check-deb: no package in build/deb (make deb)" >&2; exit 1; }
echo "check-deb: installing the Depends of $(basename "$deb") with apt"
DEBIAN_FRONTEND=noninteractive apt-get satisfy -y -qq --no-install-recommends \
	"$(dpkg-deb -f "$deb" Depends)" >/dev/null
out=$top/build/tests/deb
rm -rf "$out"
if "$top/testing/vm/vm.sh" run -t 900 -o "$out" "$top/testing/vm/deb-install-upgrade.sh" "$top/build/deb"; then
	cat "$out/summary.txt"
	echo "PASS deb-install-upgrade [vm]"
else
	tail -30 "$out/log.txt" 2>/dev/null || true
	echo "FAIL deb-install-upgrade [vm]: logs in $out"
	exit 1
fi
