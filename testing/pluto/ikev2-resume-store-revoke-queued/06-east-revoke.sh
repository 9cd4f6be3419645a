../../guestbin/swan-log wait -t 10 'session resumption store: connection to redis://192.1.2.254:6379 lost'
ipsec whack --revoke-resume-id --name @west
../../guestbin/swan-log has "session resumption: revoked every ticket issued to peer '@west' until now"
ipsec whack --resumestatus | ../../guestbin/swan-match 'store redis://192.1.2.254:6379 (down|connecting)'
# queued, not sent: the store is out
ipsec whack --resumestatus | ../../guestbin/swan-match 'store revocations-queued=1 revocations-resent=0 revocations-expired=0 '
