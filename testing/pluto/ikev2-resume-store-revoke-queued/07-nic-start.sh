swan-redis start
# nothing revoked in the store yet
swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*' | swan-match -c 0 .
