swan-log wait -t 10 -n 2 'dropping the session resumption ticket: the peer deleted the IKE SA'
ipsec up west-east
# a full handshake: the third IKE_SA_INIT
swan-log count 3 'sent IKE_SA_INIT request to'
swan-ping-gap stock "$SWAN_HOSTDIR/ping-stock.log" 'stock 5.2 (Delete, full handshake)'
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
