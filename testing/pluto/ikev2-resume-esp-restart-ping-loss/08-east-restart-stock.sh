# stock 5.2: the same restart sends the Delete
ipsec restart
ipsec add west-east
