sleep 1
swan-log lacks 'dropping the session resumption ticket'
ipsec connectionstatus | swan-match -o 'session resume ticket: length'
# west notices the restart (here: the user suspends) and reconnects
ipsec suspend west-east
ipsec up west-east
swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
