../../guestbin/swan-log -s restarted has 'processing IKE_SESSION_RESUME request'
../../guestbin/swan-log -s restarted has 'responder established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log -s restarted lacks 'IKE_SA_INIT'
../../guestbin/swan-log -s restarted lacks 'rejecting IKE_SESSION_RESUME ticket'
