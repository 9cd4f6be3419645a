# the kept (newest) ticket is good: resume with it
ipsec suspend west-east
ipsec up west-east
swan-log has 'sent IKE_SESSION_RESUME request to'
swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
