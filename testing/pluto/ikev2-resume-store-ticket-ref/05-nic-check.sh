swan-redis wait-keys 1 'ikev2-resume:ref:*' | swan-match -c 1 '^ikev2-resume:ref:[0-9a-f]{32}$'
ref=$(swan-redis cli --scan --pattern 'ikev2-resume:ref:*')
# the sealed ticket: longer than its reference
[ "$(swan-redis cli strlen "$ref")" -gt 60 ]
[ "$(swan-redis cli pttl "$ref")" -gt 0 ]
swan-redis cli --scan --pattern 'ikev2-resume:peer-refs:*' | swan-match -c 1 '^ikev2-resume:peer-refs:[0-9a-f]{64}$'
swan-redis cli smembers "$(swan-redis cli --scan --pattern 'ikev2-resume:peer-refs:*')" | swan-match -c 1 "^${ref#ikev2-resume:ref:}\$"
swan-redis cli --scan --pattern 'ikev2-resume:ticket-ref:*' | swan-match -c 1 '^ikev2-resume:ticket-ref:[0-9a-f]{32}$'
# the store restarts: the AOF keeps them
swan-redis stop
swan-redis start
swan-redis cli exists "$ref" | swan-match '^1$'
swan-redis cli config resetstat
