ip addr add 10.0.23.23/32 dev lo
ip route add 10.0.45.0/24 via 192.0.2.254 src 10.0.23.23
ipsec start
ipsec add west-east
