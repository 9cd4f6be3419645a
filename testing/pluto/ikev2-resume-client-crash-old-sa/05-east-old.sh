swan-log has 'processing IKE_SESSION_RESUME request'
ipsec showstates | swan-match -c 1 '#1: "west-east".*ESTABLISHED_IKE_SA'
ipsec showstates | swan-match -c 1 'ESTABLISHED_IKE_SA'
