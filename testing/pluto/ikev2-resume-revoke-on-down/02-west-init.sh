ipsec start --build stock
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
