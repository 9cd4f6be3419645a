swan-log has "rejecting IKE_SESSION_RESUME ticket: replayed \(by the cluster's store\)"
ipsec whack --resumestatus | swan-match 'store requests=1 accepted=0 replayed=1 '
ipsec whack --resumestatus | swan-match ' replayed=1 '
swan-log lacks 'responder established IKE SA; authenticated peer using authby=session-resume'
# and the full handshake that followed
swan-log has 'responder established IKE SA; authenticated peer using authby=secret'
# B's refusal took one round trip too
swan-on nic swan-redis cli info commandstats | swan-match '^cmdstat_eval:calls=2,'
