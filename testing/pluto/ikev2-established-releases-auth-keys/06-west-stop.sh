# every key reference taken is given back: libreswan's refcnt.gawk,
# what post-mortem.sh runs, here after an explicit stop so that any
# runner checks it (upstream's nsrun runs no post-mortem); leak
# detective finds no leaks in pluto's own allocations
ipsec stop
../../guestbin/swan-log wait 'leak detective found no leaks'
gawk -f /testing/utils/refcnt.gawk "/tmp/pluto.log" | ../../guestbin/swan-match -v 'ERROR'
