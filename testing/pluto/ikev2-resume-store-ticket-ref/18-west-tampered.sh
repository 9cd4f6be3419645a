ipsec suspend west-east
ipsec whack --impair corrupt-resume-ticket
swan-reconnect-fallback west-east TICKET_NACK
