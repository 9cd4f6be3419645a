swan-log has 'processing IKE_SESSION_RESUME request'
swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec showstates | swan-match ESTABLISHED_IKE_SA
# the tree the build under test came from (build/inst: build/libreswan-5.2)
refcnt=$(dirname "$SWAN_PREFIX")/libreswan-5.2/testing/utils/refcnt.gawk
test -f "$refcnt"
swan-log has 'newref .*@0x'
for h in east west; do
	swan-on $h ipsec stop
	gawk -f "$refcnt" "$SWAN_RUNDIR/$h/pluto.log" | swan-match -v 'ERROR'
done
