ipsec delete west-east
cp "/testing/pluto/ikev2-resume-fallback-revival/east-resume.conf.in" "/etc/ipsec.conf"
ipsec add west-east
