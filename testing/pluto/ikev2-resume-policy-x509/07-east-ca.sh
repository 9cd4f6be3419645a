cp "$SWAN_TESTDIR/east-ca.conf.in" "$SWAN_HOSTDIR/ipsec.conf"
ipsec delete west-east
ipsec add west-east
