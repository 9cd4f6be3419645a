# a fake Redis, detached (no job of this shell: nothing of it on a console)
setsid -f sh -c 'echo $$ > "$1"; exec python3 "$2" 6379 > "$3" 2>&1 < /dev/null' sh "$SWAN_HOSTDIR/fake-redis.pid" "$SWAN_TESTDIR/fake-redis.py" "$SWAN_HOSTDIR/fake-redis.log"
for _ in $(seq 50); do grep -q listening "$SWAN_HOSTDIR/fake-redis.log" && break; sleep 0.1; done
swan-match listening < "$SWAN_HOSTDIR/fake-redis.log"
