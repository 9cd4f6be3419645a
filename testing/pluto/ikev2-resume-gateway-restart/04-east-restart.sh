ipsec restart
ipsec add west-east
