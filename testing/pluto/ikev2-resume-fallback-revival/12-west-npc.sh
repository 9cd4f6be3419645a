# NO_PROPOSAL_CHOSEN, revival off
../../guestbin/swan-reconnect-fallback west-east NO_PROPOSAL_CHOSEN
../../guestbin/swan-log count 4 'sent IKE_SESSION_RESUME request to'
../../guestbin/swan-log count 6 'sent IKE_SA_INIT request to'
ipsec whack --resumestatus | ../../guestbin/swan-match 'client: attempts=4 resumed=0 fallbacks: ticket-nack=2 no-proposal-chosen=2 '
