../../guestbin/swan-log has "authenticated peer certificate '@west' and P-256 ECDSA"
cp "/testing/pluto/ikev2-resume-policy-x509/east-rsa.conf.in" "/etc/ipsec.conf"
ipsec delete west-east
ipsec add west-east
