# the same seed; north starts only when it takes over east's address
install -m 600 "$SWAN_RUNDIR/cluster.seed" "$SWAN_HOSTDIR/cluster.seed"
