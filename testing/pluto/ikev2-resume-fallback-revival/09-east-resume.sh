ipsec delete west-east
cp "$SWAN_TESTDIR/east-resume.conf.in" "$SWAN_HOSTDIR/ipsec.conf"
ipsec add west-east
