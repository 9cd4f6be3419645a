cp "/testing/pluto/ikev2-resume-policy-x509/east-ca.conf.in" "/etc/ipsec.conf"
ipsec delete west-east
ipsec add west-east
