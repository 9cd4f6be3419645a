ipsec delete west-east
cp "$SWAN_TESTDIR/east-noresume.conf.in" "$SWAN_HOSTDIR/ipsec.conf"
ipsec add west-east
