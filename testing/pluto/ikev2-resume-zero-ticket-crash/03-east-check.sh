swan-alive
swan-log has 'invalid ticket: session resume key 0 is not in use'
ipsec showstates | swan-match -v 'STATE_|IKE_SA'
