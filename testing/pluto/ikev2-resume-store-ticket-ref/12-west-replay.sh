ipsec whack --suspend --name west-east
../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
