../../guestbin/swan-prep --nokeys
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
../../guestbin/swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
# the client crashes: no Delete reaches east; its ticket is on disk
../../guestbin/swan-kill
cp "/etc/ipsec.d/resume-client/west-east" "OUTPUT/west.ticket.saved"
