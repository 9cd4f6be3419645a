swan-reconnect-fallback west-east TICKET_NACK
ipsec suspend west-east
