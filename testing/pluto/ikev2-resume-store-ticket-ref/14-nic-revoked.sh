# the reference's write after the flush: EVALSHA refused (NOSCRIPT),
# then EVAL with the text; the other EVAL is the revocation's script
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match -c 1 '^cmdstat_evalsha:calls=2,.*failed_calls=1'
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match -c 1 '^cmdstat_eval:calls=2,.*failed_calls=0'
# every reference of @west is gone, the peer is revoked
../../guestbin/swan-redis wait-keys 0 'ikev2-resume:ref:*' | ../../guestbin/swan-match -c 0 .
../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:peer-refs:*' | ../../guestbin/swan-match -c 0 .
../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:revoked-peer:'
