ipsec start
ipsec add west-east road-east
