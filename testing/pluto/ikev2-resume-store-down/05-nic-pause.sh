# connected, and silent
swan-redis pause
