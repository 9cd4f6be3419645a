# two after the rekeys, one answered TICKET_ACK, and its retry
../../guestbin/swan-log count 4 'session resumption: received INFORMATIONAL request for a ticket'
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
../../guestbin/swan-log lacks 'rejecting IKE_SESSION_RESUME ticket'
