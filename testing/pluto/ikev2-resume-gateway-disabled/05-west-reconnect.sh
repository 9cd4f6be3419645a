ipsec whack --impair revival:no
ipsec whack --name west-east --initiate --asynchronous
swan-log wait -t 20 'sent IKE_SESSION_RESUME request to'
swan-log wait -t 20 'received NO_PROPOSAL_CHOSEN notification response to IKE_SESSION_RESUME request, retrying using IKE_SA_INIT'
swan-log wait -t 20 -n 2 'initiator established IKE SA; authenticated peer using authby=secret'
# stop revival retrying the refused Child SA
ipsec whack --impair revival
swan-log count 2 'sent IKE_SA_INIT request to'
swan-log count 1 'sent IKE_SESSION_RESUME request to'
# resumption is off on east now: no new ticket
swan-log has 'received v2N_TICKET_NACK'
ipsec connectionstatus | swan-match 'session resume ticket: none'
