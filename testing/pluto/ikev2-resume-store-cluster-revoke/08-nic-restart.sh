# the store restarts: the AOF keeps the revocation, with its TTL
../../guestbin/swan-redis stop
../../guestbin/swan-redis start --user default off --user pluto-members on '>resume-store-pw-1' '~ikev2-resume:*' '+@all'
../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:revoked-peer:'
key=$(../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*')
ttl=$(../../guestbin/swan-redis cli pttl "$key")
[ "$ttl" -gt 0 ]
