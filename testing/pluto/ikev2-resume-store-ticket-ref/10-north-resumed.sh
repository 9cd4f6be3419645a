../../guestbin/swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec whack --resumestatus | ../../guestbin/swan-match 'store tickets=reference references issued=1 taken=1 unknown=0 '
# one round trip for the resumption: one GETDEL, no check script
ipsec whack --resumestatus | ../../guestbin/swan-match 'store requests=1 accepted=0 replayed=0 revoked=0 errors=0 '
