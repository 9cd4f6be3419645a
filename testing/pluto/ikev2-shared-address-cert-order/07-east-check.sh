# each IKE SA started on gw-b, and IKE_AUTH moved it: to gw-r three
# times, to gw-e once (after gw-r was replaced)
swan-log count 4 '"gw-b" #[0-9]+: processing IKE_SA_INIT request'
swan-log count 3 '"gw-r" #[0-9]+: responder established IKE SA; authenticated peer certificate .O=libreswan-resume, CN=west.'
swan-log count 1 '"gw-e" #[0-9]+: responder established IKE SA; authenticated peer certificate .O=libreswan-resume, CN=west.'
# the patched gateway compared the index's choice with the walk's,
# for the IKE SA (refine) and the Child SA (traffic selectors)
if [ "$SWAN_VARIANT" = patched ]; then
	swan-log count 6 'IMPAIR: host-pair\+peer-ID index and walk of the host pair both chose "gw-r"'
	swan-log count 2 'IMPAIR: host-pair\+peer-ID index and walk of the host pair both chose "gw-e"'
else
	swan-log lacks 'IMPAIR: host-pair'
fi
