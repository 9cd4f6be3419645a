../../guestbin/swan-log has 'rejecting IKE_SESSION_RESUME ticket: tag failure'
ipsec whack --resumestatus | ../../guestbin/swan-match ' tag-failure=1 '
# road's IKE SA never noticed
ipsec showstates | ../../guestbin/swan-match '"road-east".*ESTABLISHED_IKE_SA'
