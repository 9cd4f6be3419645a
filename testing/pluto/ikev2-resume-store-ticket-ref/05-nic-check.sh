../../guestbin/swan-redis wait-keys 1 'ikev2-resume:ref:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:ref:[0-9a-f]{32}$'
ref=$(../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:ref:*')
# the sealed ticket: longer than its reference
[ "$(../../guestbin/swan-redis cli strlen "$ref")" -gt 60 ]
[ "$(../../guestbin/swan-redis cli pttl "$ref")" -gt 0 ]
../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:peer-refs:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:peer-refs:[0-9a-f]{64}$'
../../guestbin/swan-redis cli smembers "$(../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:peer-refs:*')" | ../../guestbin/swan-match -c 1 "^${ref#ikev2-resume:ref:}\$"
../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:ticket-ref:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:ticket-ref:[0-9a-f]{32}$'
# the store restarts: the AOF keeps them
../../guestbin/swan-redis stop
../../guestbin/swan-redis start
../../guestbin/swan-redis cli exists "$ref" | ../../guestbin/swan-match '^1$'
../../guestbin/swan-redis cli config resetstat
