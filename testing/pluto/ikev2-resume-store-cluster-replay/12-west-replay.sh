# a real takeover sends a gratuitous ARP
ip neigh flush dev eth1
# the ticket already used on A, to B
ipsec whack --suspend --name west-east
../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
