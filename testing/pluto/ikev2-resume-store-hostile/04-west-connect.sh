ipsec up west-east
swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
ipsec suspend west-east
# no usable store: refused (fail closed)
swan-reconnect-fallback west-east TICKET_NACK
ipsec suspend west-east
