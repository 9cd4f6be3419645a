../../guestbin/swan-reconnect-fallback west-east NO_PROPOSAL_CHOSEN
../../guestbin/swan-log count 2 'sent IKE_SA_INIT request to'
../../guestbin/swan-log count 1 'sent IKE_SESSION_RESUME request to'
# resumption is off on east now: no new ticket
../../guestbin/swan-log has 'received v2N_TICKET_NACK'
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: none'
