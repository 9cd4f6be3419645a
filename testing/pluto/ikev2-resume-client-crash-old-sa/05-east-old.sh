../../guestbin/swan-log has 'processing IKE_SESSION_RESUME request'
ipsec showstates | ../../guestbin/swan-match -c 1 '#1: "west-east".*ESTABLISHED_IKE_SA'
ipsec showstates | ../../guestbin/swan-match -c 1 'ESTABLISHED_IKE_SA'
