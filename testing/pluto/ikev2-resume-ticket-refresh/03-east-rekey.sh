# the gateway rekeys the IKE SA: west drops its ticket and asks again
ipsec whack --rekey-ike --name west-east
../../guestbin/swan-log -h west wait -n 2 'dropping the session resumption ticket: the IKE SA was rekeyed'
../../guestbin/swan-log -h west wait -n 3 'received v2N_TICKET_LT_OPAQUE'
../../guestbin/swan-log count 2 'session resumption: received INFORMATIONAL request for a ticket'
# from now on, "later": the refresh before expiry gets TICKET_ACK
ipsec whack --impair resume_ticket_ack
../../guestbin/swan-log -h west wait -t 40 'received v2N_TICKET_ACK'
ipsec whack --impair resume_ticket_ack:no
../../guestbin/swan-log has 'IMPAIR: answering the ticket request with TICKET_ACK'
