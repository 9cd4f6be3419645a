SWAN_UP_TIMEOUT=20 ipsec up west-east
swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
