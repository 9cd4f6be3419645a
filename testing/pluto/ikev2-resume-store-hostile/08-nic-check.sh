grep -c 'answered AUTH' "$SWAN_HOSTDIR/fake-redis.log" | swan-match '^[2-9]$'
grep 'answered garbage' "$SWAN_HOSTDIR/fake-redis.log"
kill "$(cat "$SWAN_HOSTDIR/fake-redis.pid")"
