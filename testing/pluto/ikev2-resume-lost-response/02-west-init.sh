ipsec start
ipsec add west-east
# retransmits stay on: they are the point
ipsec whack --impair revival
