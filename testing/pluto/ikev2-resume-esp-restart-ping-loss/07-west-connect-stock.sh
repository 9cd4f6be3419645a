swan-log wait -t 10 'dropping the session resumption ticket: the peer deleted the IKE SA'
ipsec up west-east
swan-log count 2 'sent IKE_SA_INIT request to'
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
ping -D -n -i 0.1 -W 1 -I 10.0.45.45 10.0.23.23 > "$SWAN_HOSTDIR/ping-stock.log" 2>&1 &
echo $! > "$SWAN_HOSTDIR/ping.pid"
sleep 1
