# each IKE SA started on gw-b, and IKE_AUTH moved it to gw-r
swan-log count 2 '"gw-b" #[0-9]+: processing IKE_SA_INIT request'
swan-log count 2 '"gw-r" #[0-9]+: responder established IKE SA; authenticated peer certificate .O=libreswan-resume, CN=west.'
swan-log lacks '"gw-e" #[0-9]+: responder established IKE SA'
# the patched gateway compared the index's choice with the walk's,
# for the IKE SA (refine) and the Child SA (traffic selectors)
if [ "$SWAN_VARIANT" = patched ]; then
	swan-log count 4 'IMPAIR: host-pair\+peer-ID index and walk of the host pair both chose "gw-r"'
else
	swan-log lacks 'IMPAIR: host-pair'
fi
