# two after the rekeys, one answered TICKET_ACK, and its retry
swan-log count 4 'session resumption: received INFORMATIONAL request for a ticket'
swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
swan-log lacks 'rejecting IKE_SESSION_RESUME ticket'
