ipsec start
ipsec add road-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up road-east
swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
