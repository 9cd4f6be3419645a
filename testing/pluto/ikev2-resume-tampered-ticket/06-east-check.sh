swan-log has 'rejecting IKE_SESSION_RESUME ticket: tag failure'
ipsec whack --resumestatus | swan-match ' tag-failure=1 '
# road's IKE SA never noticed
ipsec showstates | swan-match '"road-east".*ESTABLISHED_IKE_SA'
