# the PSK ticket is refused; the full handshake that follows fails
if ipsec up west-east; then
	echo "west-east came up against authby=rsasig"
	exit 1
fi
swan-log count 1 'received TICKET_NACK notification response to IKE_SESSION_RESUME request, retrying using IKE_SA_INIT'
swan-log count 1 'authenticated peer using authby=session-resume'
ipsec showstates | swan-match -v ESTABLISHED_IKE_SA
