# provision one seed for the whole cluster: epoch (12h rotation) and 32 random octets
seed=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$(( $(date +%s) / 43200 )) $seed" > "$SWAN_RUNDIR/cluster.seed"
install -m 600 "$SWAN_RUNDIR/cluster.seed" "$SWAN_HOSTDIR/cluster.seed"
echo "pluto-members resume-store-pw-1" > "$SWAN_RUNDIR/store.credentials"
install -m 600 "$SWAN_RUNDIR/store.credentials" "$SWAN_HOSTDIR/store.credentials"
ipsec start
ipsec add west-east
swan-log wait -t 10 'session resumption store: connected to redis://192.0.2.254:6379'
swan-log lacks 'resume-store-pw-1'
ipsec whack --resumestatus | swan-match 'session resumption: store redis://192.0.2.254:6379 connected'
