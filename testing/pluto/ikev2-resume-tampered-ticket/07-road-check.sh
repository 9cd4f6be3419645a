# road's pluto still runs and answers, its IKE SA up
../../guestbin/swan-alive
ipsec showstates | ../../guestbin/swan-match '"road-east".*ESTABLISHED_IKE_SA'
