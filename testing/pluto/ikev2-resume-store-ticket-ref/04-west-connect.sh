ipsec up west-east
swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
# a reference, not the sealed state
ipsec connectionstatus | swan-match 'session resume ticket: length: 60 bytes;'
ipsec suspend west-east
