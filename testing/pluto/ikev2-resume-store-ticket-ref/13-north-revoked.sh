swan-log count 2 "rejecting IKE_SESSION_RESUME ticket: reference unknown \(by the cluster's store\)"
ipsec whack --resumestatus | swan-match ' reference-unknown=2'
swan-on nic swan-redis cli info commandstats | swan-match -c 1 '^cmdstat_getdel:calls=3,'
