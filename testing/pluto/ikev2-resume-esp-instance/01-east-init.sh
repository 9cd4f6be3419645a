swan-x509
ipsec start
ipsec add distraction resume-distraction any-east
