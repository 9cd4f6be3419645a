../../guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add road-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up road-east
../../guestbin/swan-log has 'initiator established IKE SA'
