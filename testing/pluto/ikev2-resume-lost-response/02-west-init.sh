../../guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
# retransmits stay on: they are the point
ipsec whack --impair revival
