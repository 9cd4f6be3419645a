swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec whack --resumestatus | swan-match 'store tickets=reference references issued=1 taken=1 unknown=0 '
# one round trip for the resumption: one GETDEL, no check script
ipsec whack --resumestatus | swan-match 'store requests=1 accepted=0 replayed=0 revoked=0 errors=0 '
swan-on nic swan-redis cli info commandstats | swan-match -c 1 '^cmdstat_getdel:calls=1,'
# the one EVAL is the write of the new ticket's reference
swan-on nic swan-redis cli info commandstats | swan-match -c 1 '^cmdstat_eval:calls=1,'
# the old reference is gone, the new one is there
swan-on nic swan-redis wait-keys 1 'ikev2-resume:ref:*' | swan-match -c 1 '^ikev2-resume:ref:'
