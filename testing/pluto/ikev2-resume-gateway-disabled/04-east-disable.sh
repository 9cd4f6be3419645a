# the operator turns resumption off: same pluto, new connection definition
ipsec delete west-east
cp "$SWAN_TESTDIR/east-noresume.conf.in" "$SWAN_HOSTDIR/ipsec.conf"
ipsec add west-east
ipsec connectionstatus | swan-match -v '\+RESUME'
