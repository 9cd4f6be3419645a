ipsec down west-east
swan-log has 'revoked any session resumption ticket issued with this IKE SA \(the connection was taken down\)'
ipsec whack --resumestatus | swan-match 'used-concurrently=0 revoked=1 revoked-peers=0$'
