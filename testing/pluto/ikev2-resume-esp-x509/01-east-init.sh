../../guestbin/swan-prep --nokeys
ip addr add 10.0.23.23/32 dev lo
ip route add 10.0.45.0/24 via 192.1.2.45 src 10.0.23.23
../../guestbin/swan-x509
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
