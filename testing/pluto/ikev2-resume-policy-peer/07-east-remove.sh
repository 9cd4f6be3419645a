ipsec delete west-east
ipsec status | swan-match -v '"west-east"'
