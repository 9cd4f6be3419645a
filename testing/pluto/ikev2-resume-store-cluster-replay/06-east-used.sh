# one round trip, the ticket recorded as used in the store
ipsec whack --resumestatus | ../../guestbin/swan-match 'store requests=1 accepted=1 replayed=0 revoked=0 errors=0 timeouts=0 '
ipsec whack --resumestatus | ../../guestbin/swan-match 'store script-loads=1 script-load-failures=0 noscripts=0 '
