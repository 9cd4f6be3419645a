../../guestbin/swan-prep --nokeys
../../guestbin/swan-x509
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add distraction
ipsec add resume-distraction
ipsec add any-east
