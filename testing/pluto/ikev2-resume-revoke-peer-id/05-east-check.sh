../../guestbin/swan-log count 1 'rejecting IKE_SESSION_RESUME ticket: revoked'
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
# an administrative delete by peer ID revokes the deleted IKE SA's ticket
ipsec whack --deleteid --name @west
../../guestbin/swan-log has 'revoked any session resumption ticket issued with this IKE SA \(deleted by peer ID\)'
ipsec whack --resumestatus | ../../guestbin/swan-match ' revoked=1 revoked-peers=1$'
