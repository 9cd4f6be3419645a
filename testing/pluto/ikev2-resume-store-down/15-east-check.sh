ipsec whack --resumestatus | swan-match 'store requests=3 accepted=1 '
swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
swan-on nic swan-redis cli --scan --pattern 'ikev2-resume:used:*' | swan-match '^ikev2-resume:used:'
