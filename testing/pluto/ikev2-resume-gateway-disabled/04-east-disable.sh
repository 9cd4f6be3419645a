# the operator turns resumption off: same pluto, new connection definition
ipsec delete west-east
cp "/testing/pluto/ikev2-resume-gateway-disabled/east-noresume.conf.in" "/etc/ipsec.conf"
ipsec add west-east
ipsec connectionstatus | ../../guestbin/swan-match -v '\+RESUME'
