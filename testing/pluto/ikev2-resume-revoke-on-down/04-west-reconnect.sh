# stock 5.2 kept the ticket through the Delete
ipsec connectionstatus | swan-match 'session resume ticket: length: [0-9]+ bytes'
# a stock client falls back only through revival
swan-reconnect-fallback --revival west-east TICKET_NACK
swan-log count 2 'sent IKE_SA_INIT request to'
