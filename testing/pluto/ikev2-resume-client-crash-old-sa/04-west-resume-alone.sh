# IKE_SESSION_RESUME alone (here a replay of the ticket, which travels
# in the clear) proves nothing: east answers it but keeps the old SA
ticket=$(python3 "/testing/pluto/ikev2-resume-client-crash-old-sa/ticket-hex.py" "OUTPUT/west.ticket.saved")
../../guestbin/swan-resume-probe --ticket-hex "$ticket" 192.1.2.23 | ../../guestbin/swan-match -v 'TICKET_NACK'
