ip addr add 192.0.2.23/24 dev eth0
ipsec start
ipsec add west-east
swan-log has 'session resumption: cluster ticket keys seeded for epoch'
