# the fallback's full handshake brought a new reference, now deleted
ipsec connectionstatus | swan-match 'session resume ticket: length: 60 bytes;'
ipsec suspend west-east
swan-reconnect-fallback west-east TICKET_NACK
