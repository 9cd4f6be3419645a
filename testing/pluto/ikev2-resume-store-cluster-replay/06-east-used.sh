# one round trip, the ticket recorded as used in the store
ipsec whack --resumestatus | swan-match 'store requests=1 accepted=1 replayed=0 revoked=0 errors=0 timeouts=0 '
swan-on nic swan-redis cli --scan --pattern 'ikev2-resume:used:*' | swan-match -c 1 '^ikev2-resume:used:[0-9a-f]+$'
# one round trip for the resumption: one EVAL (its SET, GET and EXISTS run inside it)
swan-on nic swan-redis cli info commandstats | swan-match '^cmdstat_eval:calls=1,'
# a takeover: member A gives up the address (and keeps running)
ip addr del 192.0.2.23/24 dev eth0
