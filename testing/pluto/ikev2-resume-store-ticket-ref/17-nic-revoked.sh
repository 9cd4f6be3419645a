../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match -c 1 '^cmdstat_getdel:calls=3,'
