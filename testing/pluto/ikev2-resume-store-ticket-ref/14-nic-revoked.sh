# every reference of @west is gone, the peer is revoked
swan-redis wait-keys 0 'ikev2-resume:ref:*' | swan-match -c 0 .
swan-redis cli --scan --pattern 'ikev2-resume:peer-refs:*' | swan-match -c 0 .
swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*' | swan-match -c 1 '^ikev2-resume:revoked-peer:'
