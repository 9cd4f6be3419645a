# one round trip, the ticket recorded as used in the store
ipsec whack --resumestatus | swan-match 'store requests=1 accepted=1 replayed=0 revoked=0 errors=0 timeouts=0 '
swan-on nic swan-redis cli --scan --pattern 'ikev2-resume:used:*' | swan-match -c 1 '^ikev2-resume:used:[0-9a-f]+$'
# one round trip for the resumption: one EVALSHA of the check script
# (its SET, GET and EXISTS run inside it), loaded once on connecting
# (SCRIPT LOAD), so its text is not sent with the request
swan-on nic swan-redis cli info commandstats | swan-match '^cmdstat_evalsha:calls=1,'
swan-on nic swan-redis cli info commandstats | swan-match -v '^cmdstat_eval:'
swan-on nic swan-redis cli info commandstats | swan-match '^cmdstat_script\|load:calls=1,|^cmdstat_script:calls=1,'
ipsec whack --resumestatus | swan-match 'store script-loads=1 script-load-failures=0 noscripts=0 '
# a takeover: member A gives up the address (and keeps running)
ip addr del 192.0.2.23/24 dev eth0
