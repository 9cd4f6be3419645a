swan-reconnect-fallback west-east NO_PROPOSAL_CHOSEN
swan-log count 2 'sent IKE_SA_INIT request to'
swan-log count 1 'sent IKE_SESSION_RESUME request to'
# resumption is off on east now: no new ticket
swan-log has 'received v2N_TICKET_NACK'
ipsec connectionstatus | swan-match 'session resume ticket: none'
