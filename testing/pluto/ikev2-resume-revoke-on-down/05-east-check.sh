swan-log has 'rejecting IKE_SESSION_RESUME ticket: revoked'
swan-log lacks 'authenticated peer using authby=session-resume'
# one revocation, one ticket refused for it
ipsec whack --resumestatus | swan-match -c 2 ' revoked=1( |$)'
