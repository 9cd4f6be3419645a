swan-log has "rejecting IKE_SESSION_RESUME ticket: revoked \(by the cluster's store\)"
ipsec whack --resumestatus | swan-match 'store requests=1 accepted=0 replayed=0 revoked=1 '
swan-log lacks 'responder established IKE SA; authenticated peer using authby=session-resume'
swan-log has 'responder established IKE SA; authenticated peer using authby=secret'
