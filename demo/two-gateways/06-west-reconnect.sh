: "=== 5. west notices (here: suspends) and reconnects with the ticket it got in step 3"
ipsec suspend west-east
ipsec whack --impair revival:no
ipsec whack --name west-east --initiate --asynchronous
swan-log wait -t 20 'sent IKE_SESSION_RESUME request to'
# either it resumes, or the gateway NACKs and west does a full handshake
swan-log wait -t 30 -n 3 'initiator established IKE SA'
ipsec whack --impair revival
swan-log has 'sent IKE_SESSION_RESUME request to|TICKET_NACK|established IKE SA' | tail -4
if swan-log has 'received TICKET_NACK notification response' >/dev/null; then
	"$SWAN_TESTDIR/demo-record" "reconnect after gateway crash" "IKE_SESSION_RESUME -> TICKET_NACK -> IKE_SA_INIT + IKE_AUTH" \
		'initiator established IKE SA; authenticated peer using authby=secret' 2
else
	"$SWAN_TESTDIR/demo-record" "reconnect after gateway crash" "IKE_SESSION_RESUME + IKE_AUTH" \
		'initiator established IKE SA; authenticated peer using authby=session-resume' 2
fi
