../../guestbin/swan-log has "rejecting IKE_SESSION_RESUME ticket: reference unknown \(by the cluster's store\)"
ipsec whack --resumestatus | ../../guestbin/swan-match ' reference-unknown=1'
ipsec whack --resumestatus | ../../guestbin/swan-match 'references issued=2 taken=1 unknown=1 sealed-instead=0 issue-failures=0$'
# the full handshake's reference: EVALSHA, NOSCRIPT (the flush), sent
# again as EVAL and stored (issue-failures=0); both scripts loaded
# when north connected, and again after the NOSCRIPT
ipsec whack --resumestatus | ../../guestbin/swan-match 'store script-loads=4 script-load-failures=0 noscripts=1 '
../../guestbin/swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
# revoke the peer: every reference of @west goes
ipsec whack --revoke-resume-id --name @west
