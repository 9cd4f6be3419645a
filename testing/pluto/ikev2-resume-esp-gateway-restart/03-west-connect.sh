ipsec up west-east
../../guestbin/swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
# traffic keeps flowing through the crash: a ping every 0.2s
ping -n -i 0.2 -I 10.0.45.45 10.0.23.23 > "/tmp/ping.log" 2>&1 &
sleep 1
