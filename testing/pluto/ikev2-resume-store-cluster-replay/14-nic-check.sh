# what the store counted: east's EVALSHA and north's, which met
# NOSCRIPT, then north's EVAL
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match '^cmdstat_evalsha:calls=2,'
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match '^cmdstat_eval:calls=1,'
