ipsec whack --resumestatus | ../../guestbin/swan-match 'store tickets=reference references issued=1 taken=0 unknown=0 sealed-instead=0 issue-failures=0'
# east lost its connection with the restart and made it again
../../guestbin/swan-log wait -t 15 -n 2 'session resumption store: connected to redis://192.1.2.254:6379'
# member A gives up its address (a takeover)
ip addr del 192.1.2.23/24 dev eth1
