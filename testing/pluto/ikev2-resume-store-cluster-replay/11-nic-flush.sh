# the store forgets the check script north loaded (a restarted Redis
# behind a proxy, SCRIPT FLUSH): north's EVALSHA gets NOSCRIPT, and it
# must send the text (EVAL) rather than call that a store error
../../guestbin/swan-redis cli script flush | ../../guestbin/swan-match '^OK$'
