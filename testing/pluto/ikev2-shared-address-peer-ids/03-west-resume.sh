for c in a b c; do ipsec up $c; done
swan-log count 3 'initiator established IKE SA; authenticated peer using authby=session-resume'
swan-log count 3 'sent IKE_SA_INIT request to'
