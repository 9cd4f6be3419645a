swan-reconnect-fallback west-east TICKET_NACK
ipsec suspend west-east
ipsec up west-east
swan-log count 1 'initiator established IKE SA; authenticated peer using authby=session-resume'
ipsec suspend west-east
