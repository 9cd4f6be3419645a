swan-resume-kat --idi @west --idr @east "$SWAN_HOSTDIR/pluto.log"
# again with integrity keys in the keymat
ipsec stop
cp "$SWAN_TESTDIR/cbc.east.cfg" "$SWAN_HOSTDIR/ipsec.conf"
ipsec start
ipsec add west-east
ipsec whack --impair log-resume-kat
