swan-reconnect-fallback west-east TICKET_NACK
swan-log count 2 'sent IKE_SA_INIT request to'
ipsec connectionstatus | swan-match 'session resume ticket: length'
