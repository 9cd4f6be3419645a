ipsec whack --impair corrupt-resume-ticket
swan-reconnect-fallback west-east TICKET_NACK
swan-log has 'IMPAIR: corrupting the session resumption ticket'
