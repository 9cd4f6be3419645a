swan-x509
ipsec start
ipsec add west-east
