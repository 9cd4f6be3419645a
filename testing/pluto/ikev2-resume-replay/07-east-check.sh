../../guestbin/swan-log has 'rejecting IKE_SESSION_RESUME ticket: replayed'
ipsec whack --resumestatus | ../../guestbin/swan-match ' replayed=1 '
../../guestbin/swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
