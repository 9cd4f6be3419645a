ipsec start
ipsec add north-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up north-east
swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
