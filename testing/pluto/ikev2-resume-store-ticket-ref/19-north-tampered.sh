../../guestbin/swan-log has 'rejecting IKE_SESSION_RESUME ticket: tag failure \(a reference\)'
ipsec whack --resumestatus | ../../guestbin/swan-match ' tag-failure=1( |$)'
../../guestbin/swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
