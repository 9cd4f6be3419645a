# a takeover: member A gives up the address (and keeps running)
ip addr del 192.1.2.23/24 dev eth1
