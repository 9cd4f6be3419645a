before=$(awk '/XfrmInStateProtoError/ { print $2 }' /proc/net/xfrm_stat)
( set -e -o pipefail; ../../guestbin/swan-esp-traffic --impair --expect-fail --source 10.0.45.45 west-east 10.0.23.23 | ../../guestbin/swan-match 'IMPAIRED: inbound ESP SA' )
after=$(awk '/XfrmInStateProtoError/ { print $2 }' /proc/net/xfrm_stat)
# east's packets arrived as ESP and failed the integrity check here
test "$after" -gt "$before"
