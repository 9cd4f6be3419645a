# provision one seed for the whole cluster: epoch (12h rotation) and 32 random octets
seed=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$(( $(date +%s) / 43200 )) $seed" > "$SWAN_RUNDIR/cluster.seed"
install -m 600 "$SWAN_RUNDIR/cluster.seed" "$SWAN_HOSTDIR/cluster.seed"
ipsec start
ipsec add west-east
swan-log wait -t 10 'session resumption store: connected to redis://192.0.2.254:6379'
