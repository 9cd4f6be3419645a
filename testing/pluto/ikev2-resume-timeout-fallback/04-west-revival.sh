# the same with revival on: still one IKE_SA_INIT, from the same IKE SA
ipsec suspend west-east
ipsec connectionstatus | swan-match 'session resume ticket: length: [0-9]+ bytes'
swan-on east ipsec whack --impair block_inbound
ipsec whack --impair revival:no
ipsec whack --name west-east --initiate --asynchronous
swan-log wait -t 15 -n 2 'no answer to the IKE_SESSION_RESUME request; dropped the ticket'
swan-on east ipsec whack --impair block_inbound:no
swan-log wait -t 15 -n 3 'initiator established IKE SA; authenticated peer using authby=secret'
ipsec whack --impair revival
swan-log count 2 'sent IKE_SESSION_RESUME request to'
swan-log count 3 'sent IKE_SA_INIT request to'
sa=$(swan-log has 'sent IKE_SESSION_RESUME request to' | tail -1 | sed -E 's/.*(#[0-9]+):.*/\1/')
swan-log has "$sa: initiator established IKE SA; authenticated peer using authby=secret"
ipsec whack --resumestatus | swan-match 'client: attempts=2 resumed=0 fallbacks: .* timeout=2 '
