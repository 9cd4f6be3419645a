# the fallback's full handshake brought a new reference, now deleted
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length: 60 bytes;'
ipsec whack --suspend --name west-east
../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
