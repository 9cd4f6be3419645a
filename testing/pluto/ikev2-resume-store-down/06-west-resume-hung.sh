../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
ipsec whack --suspend --name west-east
