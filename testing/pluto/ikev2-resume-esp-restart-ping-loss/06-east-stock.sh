swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
# the operator's stop for good: west drops its ticket, and the stock
# half starts from a full handshake with a stock ticket
ipsec stop --delete-resumable
sed -i '/session-resumption-shutdown=keep/d' "$SWAN_HOSTDIR/ipsec.conf"
swan-log mark stock
ipsec start --build stock
ipsec add west-east
