ipsec start
ipsec add null
