timeout 20 ipsec up west-east
../../guestbin/swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
