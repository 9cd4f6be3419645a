# sent to the store; its answer comes on east's event loop
../../guestbin/swan-redis wait-keys 1 'ikev2-resume:revoked-peer:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:revoked-peer:[0-9a-f]{64}$'
