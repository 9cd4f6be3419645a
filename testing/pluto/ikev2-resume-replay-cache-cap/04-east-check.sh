swan-log count 1 'rejecting IKE_SESSION_RESUME ticket: replay cache full'
swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec whack --resumestatus | swan-match 'single-use cache: 1 of 1 tickets'
