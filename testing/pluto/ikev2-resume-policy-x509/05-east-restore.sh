../../guestbin/swan-log count 1 'rejecting IKE_SESSION_RESUME ticket: authentication not admitted: peer first authenticated with ecdsa, connection "west-east" now wants leftauth=rsasig'
cp "/testing/pluto/ikev2-resume-policy-x509/east.conf" "/etc/ipsec.conf"
ipsec delete west-east
ipsec add west-east
