ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
# the client crashes: no Delete reaches east; its ticket is on disk
ipsec kill
cp "$SWAN_RUNDIR/west/nss/resume-client/west-east" "$SWAN_RUNDIR/west/ticket.saved"
