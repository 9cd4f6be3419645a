ipsec up west-east
../../guestbin/swan-log has '#1: initiator established IKE SA; authenticated peer certificate .@east. and P-256 ECDSA'
../../guestbin/swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length: [0-9]+ bytes'
