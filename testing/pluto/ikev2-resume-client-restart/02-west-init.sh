../../guestbin/swan-prep --nokeys
store=/etc/ipsec.d/resume-client
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec up west-east
../../guestbin/swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
# the ticket is kept on disk, owner only; nothing in it is in the clear
stat -c '%a %n' "$store" "$store/west-east" | tee /dev/stderr | ../../guestbin/swan-match '^700 .*resume-client$'
stat -c '%a' "$store/west-east" | ../../guestbin/swan-match '^600$'
if grep -q -a -e '@west' -e '@east' "$store/west-east"; then echo "an ID is in the clear" >&2; false; fi
