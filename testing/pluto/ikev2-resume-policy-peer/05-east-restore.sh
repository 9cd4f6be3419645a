swan-log count 1 "rejecting IKE_SESSION_RESUME ticket: peer ID not admitted: peer ID '@west' is not connection \"west-east\"'s '@west-renamed'"
ipsec whack --resumestatus | swan-match ' peer-ID-not-admitted=1 '
cp "$SWAN_TESTDIR/east.conf" "$SWAN_HOSTDIR/ipsec.conf"
ipsec delete west-east
ipsec add west-east
