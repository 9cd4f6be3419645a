#!/bin/bash
# What upstream's own test suite (make check-upstream) needs beyond
# mk/deps.sh, from Debian's packages:
#   python3-pexpect   upstream's guestbin/swan-prep imports it; the runner
#                     (testing/upstream/run.py) drives each host's shell with it
#   python3-openssl   testing/x509/dist_certs.py (upstream's certificates)
#   iptables tcpdump iputils-ping  called by upstream's test scripts
exec "$(dirname "$0")/deps.sh" python3-pexpect python3-openssl iptables tcpdump iputils-ping
