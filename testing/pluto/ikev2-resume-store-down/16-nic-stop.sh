# the store holds the ticket east accepted
../../guestbin/swan-redis cli --scan --pattern 'ikev2-resume:used:*' | ../../guestbin/swan-match '^ikev2-resume:used:'
../../guestbin/swan-redis stop
