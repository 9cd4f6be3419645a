../../guestbin/swan-log mark resume
ipsec start
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
../../guestbin/swan-log -s resume has 'session resumption: using the ticket kept from before the restart'
../../guestbin/swan-log -s resume has 'initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log -s resume count 0 'sent IKE_SA_INIT request to'
