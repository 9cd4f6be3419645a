# no answer: after the timeout the same IKE SA carries on with IKE_SA_INIT;
# revival is off, so this proves the fallback does not need it
ipsec whack --impair suppress-retransmits:no
ipsec whack --name west-east --initiate --asynchronous
swan-log wait -t 15 'no answer to the IKE_SESSION_RESUME request; dropped the ticket, the next attempt uses IKE_SA_INIT'
swan-log has 'IKE_SESSION_RESUME_I: 5 second timeout exceeded'
ipsec connectionstatus | swan-match 'session resume ticket: none'
ipsec whack --resumestatus | swan-match 'client: attempts=1 resumed=0 fallbacks: .* timeout=1 '
# the gateway comes back while IKE_SA_INIT is being retransmitted
swan-on east ipsec whack --impair block_inbound:no
swan-log wait -t 15 -n 2 'initiator established IKE SA; authenticated peer using authby=secret'
swan-log count 1 'sent IKE_SESSION_RESUME request to'
swan-log count 2 'sent IKE_SA_INIT request to'
# ... all in the IKE SA that tried to resume
sa=$(swan-log has 'sent IKE_SESSION_RESUME request to' | tail -1 | sed -E 's/.*(#[0-9]+):.*/\1/')
swan-log has "$sa: initiator established IKE SA; authenticated peer using authby=secret"
