ipsec up west-east
../../guestbin/swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
../../guestbin/swan-log has '#2: initiator established Child SA using #1'
../../guestbin/swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
