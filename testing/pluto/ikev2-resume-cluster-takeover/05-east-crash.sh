../../guestbin/swan-kill
# gateway A gives up its address (a takeover)
ip addr del 192.1.2.23/24 dev eth1
