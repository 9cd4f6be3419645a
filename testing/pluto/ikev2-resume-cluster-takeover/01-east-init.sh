../../guestbin/swan-prep --nokeys
# one seed for the whole cluster: epoch (12h rotation) and 32 random octets
../../guestbin/swan-cluster-seed
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log has 'session resumption: cluster ticket keys seeded for epoch'
ipsec whack --resumestatus | ../../guestbin/swan-match 'session resumption key: id 636c7374'
