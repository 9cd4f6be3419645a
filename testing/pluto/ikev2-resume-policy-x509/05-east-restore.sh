swan-log count 1 'rejecting IKE_SESSION_RESUME ticket: authentication not admitted: peer first authenticated with ecdsa, connection "west-east" now wants leftauth=rsasig'
cp "$SWAN_TESTDIR/east.conf" "$SWAN_HOSTDIR/ipsec.conf"
ipsec delete west-east
ipsec add west-east
