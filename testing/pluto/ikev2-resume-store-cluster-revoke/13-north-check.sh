../../guestbin/swan-log has "rejecting IKE_SESSION_RESUME ticket: revoked \(by the cluster's store\)"
ipsec whack --resumestatus | ../../guestbin/swan-match 'store requests=1 accepted=0 replayed=0 revoked=1 '
../../guestbin/swan-log lacks 'responder established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=secret'
