../../guestbin/swan-log has 'rejecting IKE_SESSION_RESUME ticket: store unavailable: the store is (down|connecting)'
ipsec whack --resumestatus | ../../guestbin/swan-match ' unavailable=1 '
ipsec whack --resumestatus | ../../guestbin/swan-match ' store-unavailable=2 '
../../guestbin/swan-alive
