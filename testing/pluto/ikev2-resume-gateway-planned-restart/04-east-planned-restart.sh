ipsec restart --leave-state
ipsec add west-east
