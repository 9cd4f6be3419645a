# a real takeover sends a gratuitous ARP
ip neigh flush dev eth1
../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
