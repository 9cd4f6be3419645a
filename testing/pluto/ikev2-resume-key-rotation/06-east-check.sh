ipsec whack --resumestatus | ../../guestbin/swan-match 'tickets issued=2 refused=0 accepted=1'
../../guestbin/swan-log lacks 'rejecting IKE_SESSION_RESUME ticket'
