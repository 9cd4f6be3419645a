swan-log -s graceful count 3 'rejecting IKE_SESSION_RESUME ticket: revoked'
swan-log -s graceful count 3 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec whack --resumestatus | swan-match 'tickets rejected: .* revoked=3 '
