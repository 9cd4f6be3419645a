# a graceful restart (pluto's shutdown is not a logout: the ticket stays)
ipsec restart
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
swan-log has 'session resumption: using the ticket kept from before the restart \(expires in [0-9]+s\)'
swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
swan-log count 1 'sent IKE_SA_INIT request to'
# a crash (SIGKILL, no shutdown at all): the ticket of the resumed IKE SA was kept
ipsec kill
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
swan-log count 2 'session resumption: using the ticket kept from before the restart'
swan-log count 2 'initiator established IKE SA; authenticated peer using authby=session-resume'
swan-log count 1 'sent IKE_SA_INIT request to'
