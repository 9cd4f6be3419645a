# east lost its connection with the restart and made it again
../../guestbin/swan-log wait -t 15 -n 2 'session resumption store: connected to redis://192.1.2.254:6379'
# member A restarts, then gives up its address (a takeover)
ipsec restart
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log wait -t 15 -n 3 'session resumption store: connected to redis://192.1.2.254:6379'
ip addr del 192.1.2.23/24 dev eth1
