ipsec stop
cp "$SWAN_TESTDIR/cbc.west.cfg" "$SWAN_HOSTDIR/ipsec.conf"
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits --impair log-resume-kat
ipsec up west-east
swan-log has 'cipher=AES_CBC_128 integ=HMAC_SHA2_256_128 prf=HMAC_SHA2_256'
ipsec suspend west-east
ipsec up west-east
swan-resume-kat --min 2 --idi @west --idr @east "$SWAN_HOSTDIR/pluto.log"
