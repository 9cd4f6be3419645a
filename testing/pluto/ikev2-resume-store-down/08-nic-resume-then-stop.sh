# the late answer reaches east, which has moved on; then the store stops
../../guestbin/swan-redis resume
sleep 1
../../guestbin/swan-redis stop
