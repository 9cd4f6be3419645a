../../guestbin/swan-redis stop
