# refused at IKE_SESSION_RESUME; the full handshake then fails on the ID
if ipsec up west-east; then
	echo "west-east came up with a peer ID east no longer has"
	exit 1
fi
swan-log count 1 'received TICKET_NACK notification response to IKE_SESSION_RESUME request, retrying using IKE_SA_INIT'
swan-log lacks 'authenticated peer using authby=session-resume'
