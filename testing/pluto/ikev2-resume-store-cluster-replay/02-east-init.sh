../../guestbin/swan-prep --nokeys
# one seed for the whole cluster: epoch (12h rotation) and 32 random octets
../../guestbin/swan-cluster-seed
# the store's credentials, root-only, the same for every member
echo "pluto-members resume-store-pw-1" > "OUTPUT/store.credentials"
install -m 600 "OUTPUT/store.credentials" "/tmp/store.credentials"
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log wait -t 10 'session resumption store: connected to redis://192.1.2.254:6379'
../../guestbin/swan-log lacks 'resume-store-pw-1'
ipsec whack --resumestatus | ../../guestbin/swan-match 'session resumption: store redis://192.1.2.254:6379 connected'
