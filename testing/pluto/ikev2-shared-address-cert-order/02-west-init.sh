swan-x509
ipsec start
ipsec add to-r
ipsec add to-any
ipsec whack --impair revival --impair suppress-retransmits
