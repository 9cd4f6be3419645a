swan-log has '#1: established IKE SA'
# nothing asked, nothing issued
ipsec whack --resumestatus | swan-match 'tickets issued=0 '
# answer as if the first IKE_AUTH request had asked for a ticket
ipsec whack --impair assume_ticket_request
