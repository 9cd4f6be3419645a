ipsec up west-east
ipsec suspend west-east
ipsec up west-east
swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
# control: the intact SA passes
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
