../../guestbin/swan-log -s crashed has 'responder established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log -s crashed lacks 'IKE_SA_INIT'
