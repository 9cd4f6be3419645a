swan-redis stop
