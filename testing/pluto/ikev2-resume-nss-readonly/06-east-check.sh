../../guestbin/swan-alive
../../guestbin/swan-log has 'rejecting IKE_SESSION_RESUME ticket: no ticket keys'
ipsec whack --resumestatus | ../../guestbin/swan-match ' no-ticket-keys=1'
