ipsec delete west-east
ipsec status | ../../guestbin/swan-match -v '"west-east"'
