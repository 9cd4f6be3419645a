#!/bin/bash
# Seal and open cost of one ticket (median of many), printed, not
# asserted.  usage: mk/bench-ticket.sh PREFIX [ROUNDS]
set -eu
prefix=${1:?usage: $0 PREFIX [ROUNDS]}
nss=$(mktemp -d)
trap 'rm -rf "$nss"' EXIT
certutil -N -d "sql:$nss" --empty-password
"$prefix/libexec/ipsec/_resumecheck" --bench "$nss" "${2:-20000}" 2>/dev/null
