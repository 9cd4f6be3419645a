cp "/testing/pluto/ikev2-resume-policy-peer/east-peer-id.conf.in" "/etc/ipsec.conf"
ipsec delete west-east
ipsec add west-east
ipsec status | ../../guestbin/swan-match '@west-renamed'
