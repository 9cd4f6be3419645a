# the TICKET_NACK fallback of 5.2 needs revival
ipsec whack --impair revival:no
ipsec whack --name west-east --initiate --asynchronous
swan-log wait -t 20 'sent IKE_SESSION_RESUME request to'
