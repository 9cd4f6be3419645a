# east lost its connection with the restart and made it again
swan-log wait -t 15 -n 2 'session resumption store: connected to redis://192.0.2.254:6379'
# member A restarts, then gives up its address (a takeover)
ipsec restart
ipsec add west-east
swan-log wait -t 15 -n 3 'session resumption store: connected to redis://192.0.2.254:6379'
ip addr del 192.0.2.23/24 dev eth0
