# no answer: the attached up fails after the timeout
ipsec up west-east && exit 1
swan-log has 'sent IKE_SESSION_RESUME request to'
swan-log has 'IKE_SESSION_RESUME_I: 5 second timeout exceeded'
swan-log has 'no answer to the IKE_SESSION_RESUME request; dropped the ticket, the next attempt uses IKE_SA_INIT'
ipsec connectionstatus | swan-match 'session resume ticket: none'
ipsec whack --resumestatus | swan-match 'client: attempts=1 resumed=0 fallbacks: .* timeout=1 '
swan-on east ipsec whack --impair block_inbound:no
