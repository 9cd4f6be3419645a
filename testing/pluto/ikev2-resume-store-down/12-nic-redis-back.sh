swan-redis start
