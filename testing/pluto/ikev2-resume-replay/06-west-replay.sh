# the same ticket again
ipsec suspend west-east
ipsec whack --impair revival:no
ipsec whack --name west-east --initiate --asynchronous
swan-log wait -t 20 -n 2 'sent IKE_SESSION_RESUME request to'
swan-log wait -t 20 'received TICKET_NACK notification response to IKE_SESSION_RESUME request'
swan-log wait -t 30 -n 2 'initiator established IKE SA; authenticated peer using authby=secret'
ipsec whack --impair revival
