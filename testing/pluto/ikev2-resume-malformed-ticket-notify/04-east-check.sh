../../guestbin/swan-log has 'IMPAIR: sending a truncated TICKET_LT_OPAQUE'
ipsec showstates | ../../guestbin/swan-match -c 1 'ESTABLISHED_IKE_SA'
