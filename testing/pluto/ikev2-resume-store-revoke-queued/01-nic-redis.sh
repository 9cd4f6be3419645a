../../guestbin/swan-redis start
../../guestbin/swan-redis cli ping | ../../guestbin/swan-match PONG
