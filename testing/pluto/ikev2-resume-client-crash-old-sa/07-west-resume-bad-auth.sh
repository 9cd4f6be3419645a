# the resumed IKE_AUTH fails (east drops it: its integrity check fails);
# west gives up at the first retransmit
../../guestbin/swan-log mark bad-auth
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair timeout-on-retransmit
ipsec up west-east || true
../../guestbin/swan-log -s bad-auth has 'sent IKE_SESSION_RESUME request to'
../../guestbin/swan-log -s bad-auth has 'IMPAIR: retransmit so timing out SA'
../../guestbin/swan-log -s bad-auth lacks 'established IKE SA'
../../guestbin/swan-kill
cp "OUTPUT/west.ticket.saved" "/etc/ipsec.d/resume-client/west-east"
