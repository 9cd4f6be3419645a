file=/etc/ipsec.d/resume-client/west-east
# the last full handshake's ticket was kept ...
test -f "$file"
# ... and ipsec down, a logout, deletes it (RFC 5723 6.2)
ipsec down west-east
../../guestbin/swan-log has 'dropping the session resumption ticket: the connection was taken down'
if test -e "$file"; then echo "ipsec down left $file" >&2; false; fi
# missing: nothing to say, a full handshake
ipsec restart
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
../../guestbin/swan-log count 5 'sent IKE_SA_INIT request to'
../../guestbin/swan-log count 3 'session resumption: discarding the ticket stored in'
