# the same ticket again
ipsec whack --suspend --name west-east
../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
../../guestbin/swan-log count 2 'sent IKE_SESSION_RESUME request to'
