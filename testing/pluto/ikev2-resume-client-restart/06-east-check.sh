../../guestbin/swan-log count 2 'responder established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log lacks 'rejecting IKE_SESSION_RESUME ticket'
