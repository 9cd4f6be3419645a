# the ticket from before the revocation is refused; west authenticates in full
../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
../../guestbin/swan-log count 2 'sent IKE_SA_INIT request to'
../../guestbin/swan-log lacks 'authenticated peer using authby=session-resume'
# the ticket of the new authentication resumes
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log count 2 'sent IKE_SA_INIT request to'
# the client's counters: two tries, one resumed, one fell back on TICKET_NACK
ipsec whack --resumestatus | ../../guestbin/swan-match 'client: attempts=2 resumed=1 fallbacks: ticket-nack=1 no-proposal-chosen=0 invalid-syntax=0 redirect=0 other-refusal=0 auth-refused=0 timeout=0 expired=0$'
