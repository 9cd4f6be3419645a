swan-log has "authenticated peer certificate '@west' and P-256 ECDSA"
cp "$SWAN_TESTDIR/east-rsa.conf.in" "$SWAN_HOSTDIR/ipsec.conf"
ipsec delete west-east
ipsec add west-east
