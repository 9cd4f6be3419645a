ipsec whack --revoke-resume-id --name @west
../../guestbin/swan-log has "session resumption: revoked every ticket issued to peer '@west' until now"
ipsec whack --resumestatus | ../../guestbin/swan-match ' revoked=0 revoked-peers=1$'
# no ID: whack refuses it, nothing is recorded
! out=$(ipsec whack --revoke-resume-id 2>&1)
echo "$out" | ../../guestbin/swan-match 'missing --name'
ipsec whack --resumestatus | ../../guestbin/swan-match ' revoked-peers=1$'
# an empty ID reaches pluto, which refuses it and records nothing
ipsec whack --revoke-resume-id --name '' || true
../../guestbin/swan-log has 'session resumption: revoking by peer ID needs the ID'
ipsec whack --resumestatus | ../../guestbin/swan-match ' revoked-peers=1$'
# the revocation is to the second: anything authenticated by now is revoked
sleep 2
