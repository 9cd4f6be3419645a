ipsec up west-east
swan-log has '#1: initiator established IKE SA; authenticated peer using authby=secret'
swan-log has '#1: received v2N_TICKET_NACK'
ipsec connectionstatus | swan-match 'session resume ticket: none'
