ipsec up west-east
swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
