# on its interface behind nic (upstream's north is on 192.1.3.0/24)
ip addr add 192.1.2.23/32 dev eth1
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log has 'session resumption: cluster ticket keys seeded for epoch'
