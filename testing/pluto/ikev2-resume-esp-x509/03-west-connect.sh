ipsec up west-east
../../guestbin/swan-log has "#1: initiator established IKE SA; authenticated peer certificate '@east' and P-256 ECDSA"
../../guestbin/swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
../../guestbin/swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
