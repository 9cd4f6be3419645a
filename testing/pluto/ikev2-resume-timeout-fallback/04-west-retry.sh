ipsec up west-east
swan-log count 1 'sent IKE_SESSION_RESUME request to'
swan-log count 2 'sent IKE_SA_INIT request to'
swan-log count 2 'initiator established IKE SA; authenticated peer using authby=secret'
