# a graceful restart (pluto's shutdown is not a logout: the ticket stays)
ipsec restart
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
../../guestbin/swan-log has 'session resumption: using the ticket kept from before the restart \(expires in [0-9]+s\)'
../../guestbin/swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
# a crash (SIGKILL, no shutdown at all): the ticket of the resumed IKE SA was kept
../../guestbin/swan-kill
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
../../guestbin/swan-log count 2 'session resumption: using the ticket kept from before the restart'
../../guestbin/swan-log count 2 'initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
