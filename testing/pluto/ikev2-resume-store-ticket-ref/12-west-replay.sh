ipsec suspend west-east
swan-reconnect-fallback west-east TICKET_NACK
