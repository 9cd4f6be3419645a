# every reference of @west is gone, the peer is revoked
../../guestbin/swan-redis wait-keys 0 'ikev2-resume:ref:*' | ../../guestbin/swan-match -c 0 .
../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:peer-refs:*' | ../../guestbin/swan-match -c 0 .
../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:revoked-peer:'
