../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
../../guestbin/swan-log count 2 'sent IKE_SA_INIT request to'
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length'
