# the resumed IKE_AUTH fails (east drops it: its integrity check fails);
# west gives up at the first retransmit
swan-log mark bad-auth
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair timeout-on-retransmit
ipsec up west-east || true
swan-log -s bad-auth has 'sent IKE_SESSION_RESUME request to'
swan-log -s bad-auth has 'IMPAIR: retransmit so timing out SA'
swan-log -s bad-auth lacks 'established IKE SA'
ipsec kill
cp "$SWAN_RUNDIR/west/ticket.saved" "$SWAN_RUNDIR/west/nss/resume-client/west-east"
