# west's is from after it
ipsec up west-east
../../guestbin/swan-log count 2 'initiator established IKE SA; authenticated peer using authby=session-resume'
