ipsec down west-east
swan-log has 'revoked the session resumption ticket of this IKE SA \(the connection was taken down\)'
ipsec whack --resumestatus | swan-match 'used-concurrently=0 revoked=1$'
