swan-alive
swan-log has 'rejecting IKE_SESSION_RESUME ticket: no ticket keys'
ipsec whack --resumestatus | swan-match ' no-ticket-keys=1'
