ipsec delete west-east
cp "/testing/pluto/ikev2-resume-fallback-revival/east-noresume.conf.in" "/etc/ipsec.conf"
ipsec add west-east
