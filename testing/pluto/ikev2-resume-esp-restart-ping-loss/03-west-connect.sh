ipsec up west-east
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
# a ping every 0.1 s across the restart (-D: receive timestamps for
# swan-ping-gap); stopped in 05
ping -D -n -i 0.1 -W 1 -I 10.0.45.45 10.0.23.23 > "$SWAN_HOSTDIR/ping-patched.log" 2>&1 &
echo $! > "$SWAN_HOSTDIR/ping.pid"
sleep 1
