#!/bin/bash
# The two-gateway demo: west (client) and east (gateway), each a pluto
# in its own network namespace, narrated with their real output.
#   demo/demo.sh PREFIX
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-$top/build/inst}
cat <<'TXT'
RFC 5723 IKEv2 session resumption, libreswan 5.2 + this series.
Two plutos in network namespaces: west 192.0.2.45 (client), east 192.0.2.23 (gateway).
Lines "host# command" are what runs; indented lines are pluto's answers.

TXT
exec /usr/bin/python3 "$top/testing/harness/swantest.py" \
	--prefix "$prefix" --tests-dir "$top/demo" --verbose --keep two-gateways
