# a client: its ticket is refused as revoked; the full handshake's ticket resumes
conn=$SWAN_HOST-east
swan-reconnect-fallback $conn TICKET_NACK
n=$(swan-log count-of 'initiator established IKE SA; authenticated peer using authby=session-resume')
ipsec suspend $conn
ipsec up $conn
swan-log count $((n + 1)) 'initiator established IKE SA; authenticated peer using authby=session-resume'
# west is revoked by ID, which needs no IKE SA; road and north stay up to be kicked
if [ "$SWAN_HOST" = west ]; then ipsec suspend $conn; fi
