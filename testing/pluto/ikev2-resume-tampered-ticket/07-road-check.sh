# road's pluto still runs and answers, its IKE SA up
swan-alive
ipsec showstates | swan-match '"road-east".*ESTABLISHED_IKE_SA'
