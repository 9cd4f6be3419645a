# an unchanged connection admits the ticket
ipsec up west-east
swan-log has '#3: sent IKE_SESSION_RESUME request to'
swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
swan-log count 1 'sent IKE_SA_INIT request to'
ipsec suspend west-east
ipsec connectionstatus | swan-match 'session resume ticket: length: [0-9]+ bytes'
