# one round trip for the resumption: one GETDEL
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match -c 1 '^cmdstat_getdel:calls=1,'
# the one script call is the write of the new ticket's reference, by
# its SHA-1 (loaded when north connected): EVALSHA, no EVAL
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match -c 1 '^cmdstat_evalsha:calls=1,'
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match -c 0 '^cmdstat_eval:'
# the old reference is gone, the new one is there
../../guestbin/swan-redis wait-keys 1 'ikev2-resume:ref:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:ref:'
# the store forgets its scripts: the next reference's write is NOSCRIPT
../../guestbin/swan-redis cli script flush | ../../guestbin/swan-match '^OK$'
