ipsec up west-east
swan-log count 2 'received v2N_TICKET_LT_OPAQUE'
ipsec suspend west-east
ipsec connectionstatus | swan-match 'session resume ticket: length: [0-9]+ bytes'
