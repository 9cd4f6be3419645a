setsid python3 "$SWAN_TESTDIR/fake-redis.py" 6379 > "$SWAN_HOSTDIR/fake-redis.log" 2>&1 < /dev/null &
echo $! > "$SWAN_HOSTDIR/fake-redis.pid"
for _ in $(seq 50); do
	grep -q listening "$SWAN_HOSTDIR/fake-redis.log" && exit 0
	sleep 0.1
done
cat "$SWAN_HOSTDIR/fake-redis.log"
exit 1
