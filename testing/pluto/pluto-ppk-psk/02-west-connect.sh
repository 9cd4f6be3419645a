../../guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
# SK_pi, a PRF key since patch 0041, seeds the PPK's prf+
../../guestbin/swan-log has '#1: PPK AUTH calculated as initiator'
../../guestbin/swan-log has '#1: initiator established IKE SA; authenticated peer using authby=secret'
