# the store holds the ticket east accepted
swan-redis cli --scan --pattern 'ikev2-resume:used:*' | swan-match '^ikev2-resume:used:'
swan-redis stop
