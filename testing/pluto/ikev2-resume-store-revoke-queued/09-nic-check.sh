# the store holds the revocation east re-sent
../../guestbin/swan-redis wait-keys 1 'ikev2-resume:revoked-peer:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:revoked-peer:[0-9a-f]{64}$'
# the revocation's time, with the TTL it had left
key=$(../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*')
../../guestbin/swan-redis cli get "$key" | ../../guestbin/swan-match '^[0-9]{10}$'
ttl=$(../../guestbin/swan-redis cli pttl "$key")
[ "$ttl" -gt 0 ]
