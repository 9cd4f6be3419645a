ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
# SK_pi, a PRF key since patch 0041, seeds the PPK's prf+
swan-log has '#1: PPK AUTH calculated as initiator'
swan-log has '#1: initiator established IKE SA; authenticated peer using authby=secret'
