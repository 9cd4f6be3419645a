../../guestbin/swan-log has "rejecting IKE_SESSION_RESUME ticket: reference unknown \(by the cluster's store\)"
ipsec whack --resumestatus | ../../guestbin/swan-match ' reference-unknown=1'
ipsec whack --resumestatus | ../../guestbin/swan-match 'references issued=2 taken=1 unknown=1 '
../../guestbin/swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
# revoke the peer: every reference of @west goes
ipsec whack --revoke-resume-id --name @west
