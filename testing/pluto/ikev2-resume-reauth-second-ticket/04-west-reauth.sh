# re-authenticate #1 now, as reauth=yes would at its end of life
ipsec whack --impair trigger_v2_replace:1
../../guestbin/swan-log wait -n 2 'initiator established IKE SA; authenticated peer using authby=secret'
../../guestbin/swan-log wait -n 2 'received v2N_TICKET_LT_OPAQUE'
# stock 5.2 aborts right here: ASSERTION FAILED c->session == NULL
sleep 0.5
../../guestbin/swan-alive
../../guestbin/swan-log has 'replacing the session resume ticket the connection already holds'
ipsec connectionstatus | ../../guestbin/swan-match 'session resume ticket: length: [0-9]+ bytes'
