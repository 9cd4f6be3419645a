# no answer: after the timeout the same IKE SA carries on with IKE_SA_INIT;
# revival is off, so this proves the fallback does not need it
ipsec whack --impair suppress-retransmits:no
ipsec whack --name west-east --initiate --asynchronous
../../guestbin/swan-log wait -t 15 'no answer to the IKE_SESSION_RESUME request; dropped the ticket, the next attempt uses IKE_SA_INIT'
../../guestbin/swan-log has 'IKE_SESSION_RESUME_I: 5 second timeout exceeded'
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: none'
ipsec whack --resumestatus | ../../guestbin/swan-match 'client: attempts=1 resumed=0 fallbacks: .* timeout=1 '
