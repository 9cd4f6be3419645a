ipsec up west-east
../../guestbin/swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
