# only the private side: no address on the shared LAN
swan-behind-nat 192.168.1.45 10.0.45.45 10.0.23.0/24
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
