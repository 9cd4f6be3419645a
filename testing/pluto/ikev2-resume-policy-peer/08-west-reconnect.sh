if ipsec up west-east; then
	echo "west-east came up although east removed it"
	exit 1
fi
swan-log count 2 'received TICKET_NACK notification response to IKE_SESSION_RESUME request, retrying using IKE_SA_INIT'
swan-log lacks 'authenticated peer using authby=session-resume'
