# two gateway identities, each with its own certificate
SWAN_HOST=gw-r swan-x509
SWAN_HOST=gw-e swan-x509
ipsec start
ipsec add gw-b
ipsec add gw-r
ipsec add gw-e
ipsec connectionstatus | swan-match '"gw-r": .*\.\.\.192.0.2.45\[%fromcert\]'
