swan-log has "rejecting IKE_SESSION_RESUME ticket: revoked \(by the cluster's store\)"
ipsec whack --resumestatus | swan-match 'store requests=1 accepted=0 replayed=0 revoked=1 '
swan-log lacks 'responder established IKE SA; authenticated peer using authby=session-resume'
swan-log has 'responder established IKE SA; authenticated peer using authby=secret'
# what east logged and counted
swan-log -h east has 'session resumption store: the store is (down|connecting): this revocation waits for it \(1 queued\)'
swan-log -h east has 'session resumption store: re-sent 1 revocations made while the store was out \(0 expired meanwhile, 0 still queued\)'
swan-on east ipsec whack --resumestatus | swan-match ' revocations=0 revocation-failures=0 '
swan-on east ipsec whack --resumestatus | swan-match 'store revocations-queued=0 revocations-resent=1 revocations-expired=0 '
