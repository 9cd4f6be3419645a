swan-x509 --rsa
ipsec start
ipsec add west-east
