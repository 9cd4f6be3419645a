../../guestbin/swan-log has 'IMPAIR: (drop|dropping) outbound message 1'
../../guestbin/swan-log has 'received duplicate IKE_SESSION_RESUME request; retransmitting response'
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
