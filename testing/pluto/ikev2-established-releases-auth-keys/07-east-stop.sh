# every key reference taken is given back (libreswan's refcnt.gawk);
# the runner's leak detective checks pluto's own allocations
refcnt=$(dirname "$SWAN_PREFIX")/libreswan-5.2/testing/utils/refcnt.gawk
test -f "$refcnt"
ipsec stop
gawk -f "$refcnt" "$SWAN_RUNDIR/$SWAN_HOST/pluto.log" | swan-match -v 'ERROR'
