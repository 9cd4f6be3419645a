ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec connectionstatus | swan-match 'session resume ticket: none'
