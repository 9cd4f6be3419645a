ipsec up west-east
ipsec connectionstatus | swan-match 'session resume ticket: length: [0-9]+ bytes'
swan-esp-traffic west-east 192.0.2.23
ipsec suspend west-east
ipsec up west-east
swan-log has '#3: initiator established IKE SA; authenticated peer using authby=session-resume'
swan-log count 1 'sent IKE_SA_INIT request to'
swan-esp-traffic west-east 192.0.2.23
