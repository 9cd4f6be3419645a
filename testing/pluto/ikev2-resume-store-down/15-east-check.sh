ipsec whack --resumestatus | ../../guestbin/swan-match 'store requests=3 accepted=1 '
../../guestbin/swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
