ipsec start
ipsec add bravo
ipsec add anyone
