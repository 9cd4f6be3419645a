ipsec up west-east
../../guestbin/swan-log has '#1: initiator established IKE SA; authenticated peer using authby=secret'
