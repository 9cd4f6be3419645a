# the late answer reaches east, which has moved on; then the store stops
swan-redis resume
sleep 1
swan-redis stop
