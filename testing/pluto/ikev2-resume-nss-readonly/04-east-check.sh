../../guestbin/swan-alive
../../guestbin/swan-log has 'not issuing a session resumption ticket: no ticket keys'
ipsec whack --resumestatus | ../../guestbin/swan-match 'tickets issued=0 refused=1 accepted=0'
