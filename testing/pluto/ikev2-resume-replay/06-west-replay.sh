# the same ticket again
ipsec suspend west-east
swan-reconnect-fallback west-east TICKET_NACK
swan-log count 2 'sent IKE_SESSION_RESUME request to'
