: "=== west is the client; it holds no ticket yet"
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec connectionstatus | swan-match -o 'session resume ticket'
