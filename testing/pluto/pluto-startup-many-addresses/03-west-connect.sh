ipsec up west-east
swan-log has '#1: initiator established IKE SA; authenticated peer using authby=secret'
