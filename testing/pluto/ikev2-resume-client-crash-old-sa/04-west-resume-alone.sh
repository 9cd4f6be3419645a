# IKE_SESSION_RESUME alone (here a replay of the ticket, which travels
# in the clear) proves nothing: east answers it but keeps the old SA
ticket=$(python3 "$SWAN_TESTDIR/ticket-hex.py" "$SWAN_RUNDIR/west/ticket.saved")
swan-resume-probe --ticket-hex "$ticket" 192.0.2.23 | swan-match -v 'TICKET_NACK'
