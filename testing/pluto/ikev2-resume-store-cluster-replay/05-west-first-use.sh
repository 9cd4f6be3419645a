# the first use, on member A
ipsec suspend west-east
ipsec up west-east
swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
swan-log has 'IMPAIR: keeping the used session resumption ticket'
