grep -c 'answered AUTH' "/tmp/fake-redis.log" | ../../guestbin/swan-match '^[2-9]$'
grep 'answered garbage' "/tmp/fake-redis.log"
kill "$(cat "/tmp/fake-redis.pid")"
