ipsec whack --suspend --name west-east
ipsec whack --impair corrupt-resume-ticket
../../guestbin/swan-reconnect-fallback west-east TICKET_NACK
