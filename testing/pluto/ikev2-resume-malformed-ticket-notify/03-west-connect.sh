ipsec up west-east
../../guestbin/swan-log has 'ignoring malformed TICKET_LT_OPAQUE payload, no ticket stored'
ipsec showstates | ../../guestbin/swan-match '#1: .*ESTABLISHED_IKE_SA'
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: none'
../../guestbin/swan-log lacks 'encountered fatal error'
# and the next connect is a full handshake (whack --suspend refuses:
# there is no ticket to keep)
ipsec down west-east
ipsec up west-east
../../guestbin/swan-log count 2 'sent IKE_SA_INIT request to'
../../guestbin/swan-log lacks 'sent IKE_SESSION_RESUME request'
