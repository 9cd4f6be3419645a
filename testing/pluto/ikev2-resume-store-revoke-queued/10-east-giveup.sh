# member A gives up its address (a takeover)
ip addr del 192.0.2.23/24 dev eth0
