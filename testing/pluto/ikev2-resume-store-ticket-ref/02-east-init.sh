../../guestbin/swan-prep --nokeys
# one seed for the whole cluster
../../guestbin/swan-cluster-seed
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log wait -t 10 'session resumption store: connected to redis://192.1.2.254:6379'
