: "=== 2. west suspends: the IKE SA goes, the ticket stays"
ipsec suspend west-east
ipsec showstates | swan-match -v ESTABLISHED_IKE_SA
: "=== 3. west resumes: IKE_SESSION_RESUME (no DH, no signature) + IKE_AUTH keyed from the ticket's SK_d"
ipsec up west-east
"$SWAN_TESTDIR/demo-record" "resume after suspend" "IKE_SESSION_RESUME + IKE_AUTH" \
	'#3: initiator established IKE SA; authenticated peer using authby=session-resume'
