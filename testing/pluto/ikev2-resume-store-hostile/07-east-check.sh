# the store's words: the escape escaped, cut at 100 bytes, the length said
swan-log has 'rejecting IKE_SESSION_RESUME ticket: store error: the store answered an error: ERR fake store says no\\33\[2Jx{74}\.\.\. \(226 bytes\)'
swan-log lacks $'\x1b'
swan-log has "rejecting IKE_SESSION_RESUME ticket: store error: the store answered an integer"
swan-log has "rejecting IKE_SESSION_RESUME ticket: store error: the store answered an array"
swan-log has "rejecting IKE_SESSION_RESUME ticket: store error: the store answered an unexpected string of 5 bytes"
swan-log has "rejecting IKE_SESSION_RESUME ticket: store unavailable: the connection failed \(Protocol error"
swan-log lacks 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec whack --resumestatus | swan-match 'store requests=5 accepted=0 replayed=0 revoked=0 errors=5 '
ipsec whack --resumestatus | swan-match ' store-unavailable=1 store-error=4'
# and it reconnects after the protocol error
swan-log wait -t 15 -n 2 'session resumption store: connected to redis://192.0.2.254:6379'
swan-alive
