ipsec showstates | ../../guestbin/swan-match -c 1 '#1: "west-east".*ESTABLISHED_IKE_SA'
