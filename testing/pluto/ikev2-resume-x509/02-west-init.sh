../../guestbin/swan-prep --nokeys
../../guestbin/swan-x509
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
