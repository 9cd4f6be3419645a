install -m 600 "$SWAN_RUNDIR/cluster.seed" "$SWAN_HOSTDIR/cluster.seed"
install -m 600 "$SWAN_RUNDIR/store.credentials" "$SWAN_HOSTDIR/store.credentials"
ip addr add 192.0.2.23/24 dev eth0
ipsec start
ipsec add west-east
swan-log wait -t 10 'session resumption store: connected to redis://192.0.2.254:6379'
# the store forgets the check script north loaded (a restarted Redis
# behind a proxy, SCRIPT FLUSH): north's EVALSHA gets NOSCRIPT, and it
# must send the text (EVAL) rather than call that a store error
swan-on nic swan-redis cli script flush | swan-match '^OK$'
