ipsec down west-east
../../guestbin/swan-log has 'dropping the session resumption ticket: the connection was taken down'
ipsec connectionstatus | ../../guestbin/swan-match -o 'session resume ticket: none'
# so the next connect is a full handshake, with a fresh ticket
ipsec up west-east
../../guestbin/swan-log count 2 'sent IKE_SA_INIT request to'
../../guestbin/swan-log lacks 'sent IKE_SESSION_RESUME request to'
ipsec connectionstatus | ../../guestbin/swan-match -o 'session resume ticket: length'
