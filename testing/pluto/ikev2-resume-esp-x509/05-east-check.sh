# one signature checked (the full IKE_AUTH), none for the resume
../../guestbin/swan-log count 1 "authenticated peer certificate '@west' and P-256 ECDSA"
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
