# the cache is full of a live ticket: refused, full handshake
swan-reconnect-fallback west-east TICKET_NACK
swan-log count 2 'sent IKE_SA_INIT request to'
swan-log count 1 'initiator established IKE SA; authenticated peer using authby=session-resume'
