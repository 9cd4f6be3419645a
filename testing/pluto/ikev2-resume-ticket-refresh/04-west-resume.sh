# asked again before the ticket held expired, and got one
../../guestbin/swan-log has 'session resumption: asking for a fresh ticket in [0-9.]+ seconds \(the gateway answered TICKET_ACK\)'
../../guestbin/swan-log wait -t 10 -n 4 'received v2N_TICKET_LT_OPAQUE'
# the ticket from before the TICKET_ACK has expired by now; the fresh one resumes
sleep 5
ipsec whack --suspend --name west-east
ipsec up west-east
../../guestbin/swan-log has 'initiator established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log count 1 'sent IKE_SA_INIT request to'
../../guestbin/swan-log lacks 'ticket expired'
