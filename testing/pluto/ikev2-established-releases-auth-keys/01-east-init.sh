ipsec start
ipsec add west-east
