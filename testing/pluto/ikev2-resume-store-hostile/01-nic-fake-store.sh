# a fake Redis, detached (no job of this shell: nothing of it on a console)
setsid -f sh -c 'echo $$ > "$1"; exec python3 "$2" 6379 > "$3" 2>&1 < /dev/null' sh "/tmp/fake-redis.pid" "/testing/pluto/ikev2-resume-store-hostile/fake-redis.py" "/tmp/fake-redis.log"
for _ in $(seq 50); do grep -q listening "/tmp/fake-redis.log" && break; sleep 0.1; done
../../guestbin/swan-match listening < "/tmp/fake-redis.log"
