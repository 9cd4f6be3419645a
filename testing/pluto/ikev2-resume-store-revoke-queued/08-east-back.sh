# east reconnects by itself (back-off at most 5s) and re-sends what it queued
swan-log wait -t 15 -n 2 'session resumption store: connected to redis://192.0.2.254:6379'
swan-on nic swan-redis wait-keys 1 'ikev2-resume:revoked-peer:*' | swan-match -c 1 '^ikev2-resume:revoked-peer:[0-9a-f]{64}$'
# the revocation's time, with the TTL it had left
key=$(swan-on nic swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*')
swan-on nic swan-redis cli get "$key" | swan-match '^[0-9]{10}$'
ttl=$(swan-on nic swan-redis cli pttl "$key")
[ "$ttl" -gt 0 ]
# member A gives up its address (a takeover)
ip addr del 192.0.2.23/24 dev eth0
