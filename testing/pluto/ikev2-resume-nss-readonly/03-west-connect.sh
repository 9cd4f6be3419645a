ipsec up west-east
../../guestbin/swan-log has '#1: initiator established IKE SA; authenticated peer using authby=secret'
../../guestbin/swan-log has '#1: received v2N_TICKET_NACK'
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: none'
