../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
# the operator moves the connection from the leaked PSK to certificates
cp "/testing/pluto/ikev2-resume-policy-psk/east-rsasig.conf.in" "/etc/ipsec.conf"
ipsec delete west-east
ipsec add west-east
../../guestbin/swan-log count 3 'added IKEv2 connection'
