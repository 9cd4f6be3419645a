ipsec down west-east
