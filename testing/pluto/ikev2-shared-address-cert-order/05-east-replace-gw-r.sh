# ipsec add after delete: gw-r is now the newest connection of the
# host pair, with rightid=%fromcert again
ipsec delete gw-r
ipsec add gw-r
ipsec connectionstatus | swan-match '"gw-r": .*\.\.\.192.0.2.45\[%fromcert\]'
