# a real takeover sends a gratuitous ARP
ip neigh flush dev eth0
# the ticket already used on A, to B
ipsec suspend west-east
swan-reconnect-fallback west-east TICKET_NACK
