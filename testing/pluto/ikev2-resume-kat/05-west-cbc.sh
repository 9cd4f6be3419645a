ipsec stop
cp "/testing/pluto/ikev2-resume-kat/cbc.west.cfg" "/etc/ipsec.conf"
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits --impair log-resume-kat
ipsec up west-east
../../guestbin/swan-log has 'cipher=AES_CBC_128 integ=HMAC_SHA2_256_128 prf=HMAC_SHA2_256'
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-resume-kat --min 2 --idi @west --idr @east "/tmp/pluto.log"
