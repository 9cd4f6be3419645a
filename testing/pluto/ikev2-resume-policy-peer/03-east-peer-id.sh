cp "$SWAN_TESTDIR/east-peer-id.conf.in" "$SWAN_HOSTDIR/ipsec.conf"
ipsec delete west-east
ipsec add west-east
ipsec status | swan-match '@west-renamed'
