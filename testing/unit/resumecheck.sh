#!/bin/bash
# Ticket codec and key ring unit tests (testing/programs/resumecheck)
# against a temporary NSS DB.
set -eu
nss=$(mktemp -d)
trap 'rm -rf "$nss"' EXIT
certutil -N -d "sql:$nss" --empty-password
"$SWAN_PREFIX/libexec/ipsec/_resumecheck" "$nss" 2>&1
