../../guestbin/swan-prep --nokeys
# pluto daemonizes inside the private mount namespace and keeps it
( set -e -o pipefail; unshare --mount --propagation private sh -ec ' mount --bind -o ro "/etc/ipsec.d" "/etc/ipsec.d"; ipsec start; ' )
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log has 'NSS DB is not writable: session resumption ticket keys can not be stored'
../../guestbin/swan-log has 'session resumption disabled: .*; tickets are neither issued nor accepted'
ipsec whack --resumestatus | ../../guestbin/swan-match 'session resumption: no ticket keys'
