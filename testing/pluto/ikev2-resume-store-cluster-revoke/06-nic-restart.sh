# the store restarts: the AOF keeps the revocation, with its TTL
swan-redis stop
swan-redis start --user default off --user pluto-members on '>resume-store-pw-1' '~ikev2-resume:*' '+@all'
swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*' | swan-match -c 1 '^ikev2-resume:revoked-peer:'
key=$(swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*')
ttl=$(swan-redis cli pttl "$key")
[ "$ttl" -gt 0 ]
