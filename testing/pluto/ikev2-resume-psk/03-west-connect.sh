# full handshake, ticket requested and received
ipsec up west-east
../../guestbin/swan-log has '#1: sent IKE_SA_INIT request to'
../../guestbin/swan-log has '#1: initiator established IKE SA; authenticated peer using authby=secret'
../../guestbin/swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length: [0-9]+ bytes; expires-in: [0-9]+s'
