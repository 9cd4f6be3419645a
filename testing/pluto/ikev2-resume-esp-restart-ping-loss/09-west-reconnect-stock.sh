swan-log wait -t 10 -n 2 'dropping the session resumption ticket: the peer deleted the IKE SA'
# after stock's Delete west's policy is an on-demand trap (revival is
# impaired): the ping's next packet has already started an IKE_SA_INIT,
# sent before east had the connection again and, without retransmits,
# stuck; take it down and connect as in 05
ipsec down west-east
ipsec up west-east
# a full handshake: the second IKE SA of the stock half authenticated
# by the PSK (west's third in all: #1, the first stock one, this one)
swan-log count 3 'initiator established IKE SA; authenticated peer using authby=secret'
swan-log count 1 'initiator established IKE SA; authenticated peer using authby=session-resume'
swan-ping-gap stock "$SWAN_HOSTDIR/ping-stock.log" 'stock 5.2 (Delete, full handshake)'
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
