# What a gateway restart does to a ticket.  Stock 5.2: the ticket key
# died with the old pluto, so east NACKs and west does a full handshake.
swan-log wait -t 20 'received TICKET_NACK notification response to IKE_SESSION_RESUME request'
swan-log wait -t 20 -n 2 'initiator established IKE SA; authenticated peer using authby=secret'
swan-log count 2 'sent IKE_SA_INIT request to'
# the failed ticket is gone; the new IKE_AUTH brought a fresh one
swan-log count 2 'received v2N_TICKET_LT_OPAQUE'
# stop revival retrying the refused Child SA
ipsec whack --impair revival
ipsec showstates | swan-match -c 1 'ESTABLISHED_IKE_SA'
