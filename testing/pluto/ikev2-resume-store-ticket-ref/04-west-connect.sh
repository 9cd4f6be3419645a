ipsec up west-east
../../guestbin/swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
# a reference, not the sealed state
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length: 60 bytes;'
ipsec whack --suspend --name west-east
