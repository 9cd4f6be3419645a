file=$SWAN_RUNDIR/west/nss/resume-client/west-east
# one flipped bit in the sealed record: refused, logged, deleted; full handshake
ipsec stop --leave-state
python3 "$SWAN_TESTDIR/flip-last-bit.py" "$file"
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
swan-log has 'session resumption: discarding the ticket stored in .*/west-east: tag failure; authenticating in full'
swan-log count 2 'sent IKE_SA_INIT request to'
# junk: the same
ipsec stop --leave-state
echo junk > "$file"
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
swan-log has 'session resumption: discarding the ticket stored in .*/west-east: not a stored ticket; authenticating in full'
swan-log count 3 'sent IKE_SA_INIT request to'
# a new NSS DB (the key that sealed the record is gone): the same
ipsec stop --leave-state
test -f "$file"
rm -f "$SWAN_RUNDIR"/west/nss/*.db
certutil -N -d "sql:$SWAN_RUNDIR/west/nss" --empty-password
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
swan-log has 'session resumption: discarding the ticket stored in .*/west-east: unknown key; authenticating in full'
swan-log count 4 'sent IKE_SA_INIT request to'
