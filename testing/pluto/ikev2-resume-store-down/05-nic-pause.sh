# connected, and silent
../../guestbin/swan-redis pause
