../../guestbin/swan-prep --nokeys
../../guestbin/swan-cluster-seed
install -m 600 "OUTPUT/store.credentials" "/tmp/store.credentials"
# on its interface behind nic (upstream's north is on 192.1.3.0/24)
ip addr add 192.1.2.23/32 dev eth1
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log wait -t 10 'session resumption store: connected to redis://192.1.2.254:6379'
