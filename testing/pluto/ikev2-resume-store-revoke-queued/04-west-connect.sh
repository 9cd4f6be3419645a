ipsec up west-east
swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
ipsec suspend west-east
