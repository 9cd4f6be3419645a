../../guestbin/swan-log has "authenticated peer certificate '@west' and P-256 ECDSA"
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
