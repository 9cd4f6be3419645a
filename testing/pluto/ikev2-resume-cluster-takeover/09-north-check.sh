../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log lacks 'IKE_SA_INIT'
../../guestbin/swan-log lacks 'rejecting IKE_SESSION_RESUME ticket'
