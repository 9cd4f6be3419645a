ipsec up west-east
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
# control: the intact SA passes
../../guestbin/swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
