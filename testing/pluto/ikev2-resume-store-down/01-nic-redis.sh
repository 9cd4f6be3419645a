../../guestbin/swan-redis start
