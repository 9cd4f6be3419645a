ipsec up west-east
../../guestbin/swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
