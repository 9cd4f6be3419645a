# only the private side: no address on the shared LAN
ip addr flush dev eth0
ip link set eth0 down
ip addr add 192.168.1.45/24 dev eth1
ip link set eth1 up
ip route add default via 192.168.1.254
ip addr add 10.0.45.45/32 dev lo
ip route add 10.0.23.0/24 via 192.168.1.254 src 10.0.45.45
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
swan-log has '#2: initiator established Child SA using #1'
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
