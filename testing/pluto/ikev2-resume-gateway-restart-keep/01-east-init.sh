ipsec start
ipsec add west-east
ipsec status | swan-match 'session-resumption-shutdown=keep'
