../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:used:*' | ../../guestbin/swan-match -c 1 '^ikev2-resume:used:[0-9a-f]+$'
# one round trip for the resumption: one EVALSHA of the check script
# (its SET, GET and EXISTS run inside it), loaded once on connecting
# (SCRIPT LOAD), so its text is not sent with the request
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match '^cmdstat_evalsha:calls=1,'
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match -v '^cmdstat_eval:'
../../guestbin/swan-redis cli info commandstats | ../../guestbin/swan-match '^cmdstat_script\|load:calls=1,|^cmdstat_script:calls=1,'
