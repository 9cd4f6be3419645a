ipsec whack --impair corrupt-resume-ticket
../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
../../guestbin/swan-log has 'IMPAIR: corrupting the session resumption ticket'
