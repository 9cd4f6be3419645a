# NO_PROPOSAL_CHOSEN, revival off
swan-reconnect-fallback west-east NO_PROPOSAL_CHOSEN
swan-log count 4 'sent IKE_SESSION_RESUME request to'
swan-log count 6 'sent IKE_SA_INIT request to'
ipsec whack --resumestatus | swan-match 'client: attempts=4 resumed=0 fallbacks: ticket-nack=2 no-proposal-chosen=2 '
