store=/etc/ipsec.d/ikev2-resume-revocations
ipsec whack --revoke-resume-id --name @nobody
test -s "$store"
ipsec stop
# one flipped octet, in a record
python3 -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[40] ^= 1; open(p, "wb").write(b)' "$store"
../../guestbin/swan-log mark corrupt
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec add road-east
# (pluto names the store by its compiled-in path, which may be a link to $store)
../../guestbin/swan-log -s corrupt has "session resumption: revocation store [^ ]*/ikev2-resume-revocations: integrity check failed; refusing every ticket whose peer authenticated until now \(fail closed\); the store is kept as [^ ]*/ikev2-resume-revocations.bad$"
test -s "$store.bad"
# a new store, holding the loss
test -s "$store"
ipsec whack --resumestatus | ../../guestbin/swan-match 'revocations: .* kept across restarts, tickets=0 peers=0 write-failures=0 fail-closed: refusing tickets authenticated until '
# what authenticates from now on is not refused
sleep 2
