: "=== 1. full connect: IKE_SA_INIT (Diffie-Hellman) + IKE_AUTH (PSK); west asks for a ticket"
ipsec up west-east
ipsec connectionstatus | swan-match -o 'session resume ticket: length'
"$SWAN_TESTDIR/demo-record" "full connect" "IKE_SA_INIT + IKE_AUTH" \
	'#1: initiator established IKE SA; authenticated peer using authby=secret'
