../../guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add null
ipsec whack --impair revival --impair suppress-retransmits
ipsec up null
# both AUTHs are keyed with SK_px's bytes, taken out of NSS for it alone
../../guestbin/swan-log has '#1: initiator established IKE SA; authenticated peer using authby=null'
