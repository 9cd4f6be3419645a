../../guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
for c in a b c; do ipsec add $c; done
ipsec whack --impair revival --impair suppress-retransmits
# in full, one after the other: each IKE SA starts on whatever
# connection east has for the address, and IKE_AUTH moves it
for c in a b c; do ipsec up $c; done
../../guestbin/swan-log count 3 'received v2N_TICKET_LT_OPAQUE'
for c in a b c; do ipsec whack --suspend --name $c; done
