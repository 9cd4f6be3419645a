# the store's words: the escape escaped, cut at 100 bytes, the length said
../../guestbin/swan-log has 'rejecting IKE_SESSION_RESUME ticket: store error: the store answered an error: ERR fake store says no\\33\[2Jx{74}\.\.\. \(226 bytes\)'
../../guestbin/swan-log lacks $'\x1b'
../../guestbin/swan-log has "rejecting IKE_SESSION_RESUME ticket: store error: the store answered an integer"
../../guestbin/swan-log has "rejecting IKE_SESSION_RESUME ticket: store error: the store answered an array"
../../guestbin/swan-log has "rejecting IKE_SESSION_RESUME ticket: store error: the store answered an unexpected string of 5 bytes"
../../guestbin/swan-log has "rejecting IKE_SESSION_RESUME ticket: store unavailable: the connection failed \(Protocol error"
../../guestbin/swan-log lacks 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec whack --resumestatus | ../../guestbin/swan-match 'store requests=5 accepted=0 replayed=0 revoked=0 errors=5 '
ipsec whack --resumestatus | ../../guestbin/swan-match ' store-unavailable=1 store-error=4'
# a store whose SCRIPT LOAD answer is no SHA-1 (+OK): every check
# sends the script's text (EVAL), which is what the fake store answers
../../guestbin/swan-log has 'session resumption store: SCRIPT LOAD refused \(an answer of type 5\); every check sends the script.s text \(EVAL\)'
ipsec whack --resumestatus | ../../guestbin/swan-match 'store script-loads=([1-9]) script-load-failures=\1 noscripts=0 '
# and it reconnects after the protocol error
../../guestbin/swan-log wait -t 15 -n 2 'session resumption store: connected to redis://192.1.2.254:6379'
../../guestbin/swan-alive
