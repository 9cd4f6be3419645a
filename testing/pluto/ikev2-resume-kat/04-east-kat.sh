../../guestbin/swan-resume-kat --idi @west --idr @east "/tmp/pluto.log"
# again with integrity keys in the keymat
ipsec stop
cp "/testing/pluto/ikev2-resume-kat/cbc.east.cfg" "/etc/ipsec.conf"
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair log-resume-kat
