# no round trip for the tampered ticket
swan-redis cli info commandstats | swan-match -c 1 '^cmdstat_getdel:calls=3,'
