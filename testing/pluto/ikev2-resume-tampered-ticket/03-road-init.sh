ipsec start
ipsec add road-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up road-east
swan-log has 'initiator established IKE SA'
