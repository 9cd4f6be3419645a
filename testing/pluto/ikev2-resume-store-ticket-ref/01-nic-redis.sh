swan-redis start
swan-redis cli ping | swan-match PONG
