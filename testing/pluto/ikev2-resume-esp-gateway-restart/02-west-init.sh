../../guestbin/swan-prep --nokeys
ip addr add 10.0.45.45/32 dev lo
ip route add 10.0.23.0/24 via 192.1.2.23 src 10.0.45.45
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
