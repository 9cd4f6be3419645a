../../guestbin/swan-log has "rejecting IKE_SESSION_RESUME ticket: replayed \(by the cluster's store\)"
ipsec whack --resumestatus | ../../guestbin/swan-match 'store requests=1 accepted=0 replayed=1 '
ipsec whack --resumestatus | ../../guestbin/swan-match ' replayed=1 '
../../guestbin/swan-log lacks 'responder established IKE SA; authenticated peer using authby=session-resume'
# and the full handshake that followed
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=secret'
# B's refusal: its EVALSHA met NOSCRIPT and went again as EVAL, counted
ipsec whack --resumestatus | ../../guestbin/swan-match 'store script-loads=2 script-load-failures=0 noscripts=1 '
ipsec whack --resumestatus | ../../guestbin/swan-match ' errors=0 '
