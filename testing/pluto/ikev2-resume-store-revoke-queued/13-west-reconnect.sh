# a real takeover sends a gratuitous ARP
ip neigh flush dev eth0
swan-reconnect-fallback west-east TICKET_NACK
