# what east logged and counted
../../guestbin/swan-log has 'session resumption store: the store is (down|connecting): this revocation waits for it \(1 queued\)'
../../guestbin/swan-log has 'session resumption store: re-sent 1 revocations made while the store was out \(0 expired meanwhile, 0 still queued\)'
ipsec whack --resumestatus | ../../guestbin/swan-match ' revocations=0 revocation-failures=0 '
ipsec whack --resumestatus | ../../guestbin/swan-match 'store revocations-queued=0 revocations-resent=1 revocations-expired=0 '
