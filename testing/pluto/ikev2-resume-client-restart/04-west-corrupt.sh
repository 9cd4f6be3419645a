file=/etc/ipsec.d/resume-client/west-east
# one flipped bit in the sealed record: refused, logged, deleted; full handshake
ipsec whack --shutdown --leave-state
python3 "/testing/pluto/ikev2-resume-client-restart/flip-last-bit.py" "$file"
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
../../guestbin/swan-log has 'session resumption: discarding the ticket stored in .*/west-east: tag failure; authenticating in full'
../../guestbin/swan-log count 2 'sent IKE_SA_INIT request to'
# junk: the same
ipsec whack --shutdown --leave-state
echo junk > "$file"
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
../../guestbin/swan-log has 'session resumption: discarding the ticket stored in .*/west-east: not a stored ticket; authenticating in full'
../../guestbin/swan-log count 3 'sent IKE_SA_INIT request to'
# a new NSS DB (the key that sealed the record is gone): the same
ipsec whack --shutdown --leave-state
test -f "$file"
rm -f /etc/ipsec.d/*.db
certutil -N -d "sql:/etc/ipsec.d" --empty-password
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
../../guestbin/swan-log has 'session resumption: discarding the ticket stored in .*/west-east: unknown key; authenticating in full'
../../guestbin/swan-log count 4 'sent IKE_SA_INIT request to'
