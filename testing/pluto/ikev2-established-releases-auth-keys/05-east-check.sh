swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
swan-log wait -n 3 'releasing SK_pi, SK_pr and the DH secrets'
swan-log count 3 'releasing SK_pi, SK_pr and the DH secrets'
ipsec showstates | swan-match -c 1 'ESTABLISHED_IKE_SA'
# every key reference taken is given back (libreswan's refcnt.gawk);
# the runner's leak detective checks pluto's own allocations
refcnt=$(dirname "$SWAN_PREFIX")/libreswan-5.2/testing/utils/refcnt.gawk
test -f "$refcnt"
for h in east west; do
	swan-on $h ipsec stop
	gawk -f "$refcnt" "$SWAN_RUNDIR/$h/pluto.log" | swan-match -v 'ERROR'
done
