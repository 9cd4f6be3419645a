ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
ipsec suspend west-east
ipsec up west-east
swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
swan-log has '#3: received v2N_TICKET_LT_OPAQUE'
ipsec suspend west-east
