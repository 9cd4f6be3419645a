swan-log -s crashed count 3 'rejecting IKE_SESSION_RESUME ticket: revoked'
# the three resumptions after the full handshakes
swan-log -s crashed count 3 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec whack --resumestatus | swan-match 'tickets rejected: .* revoked=3 '
# again, then a graceful restart
round=2 restart=$SWAN_TESTDIR/graceful-restart . "$SWAN_TESTDIR/revoke-three.sh"
# the first round's tickets are still alive, and so kept
swan-log -s graceful has 'session resumption: read [4-9] ticket and 1 peer revocation\(s\) from '
