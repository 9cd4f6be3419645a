../../guestbin/swan-log count 1 "rejecting IKE_SESSION_RESUME ticket: peer ID not admitted: peer ID '@west' is not connection \"west-east\"'s '@west-renamed'"
ipsec whack --resumestatus | ../../guestbin/swan-match ' peer-ID-not-admitted=1 '
cp "/testing/pluto/ikev2-resume-policy-peer/east.conf" "/etc/ipsec.conf"
ipsec delete west-east
ipsec add west-east
