../../guestbin/swan-log has 'rejecting IKE_SESSION_RESUME ticket: unknown key'
../../guestbin/swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
