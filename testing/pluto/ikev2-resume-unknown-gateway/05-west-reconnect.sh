../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
