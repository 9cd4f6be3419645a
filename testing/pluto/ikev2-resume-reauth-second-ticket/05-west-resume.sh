# the kept (newest) ticket is good: resume with it
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log has 'sent IKE_SESSION_RESUME request to'
../../guestbin/swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
