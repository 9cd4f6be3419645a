# one round trip for the resumption: one GETDEL
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match -c 1 '^cmdstat_getdel:calls=1,'
# the one EVAL is the write of the new ticket's reference
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match -c 1 '^cmdstat_eval:calls=1,'
# the old reference is gone, the new one is there
../../guestbin/swan-redis wait-keys 1 'ikev2-resume:ref:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:ref:'
