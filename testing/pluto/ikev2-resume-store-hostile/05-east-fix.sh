swan-log has 'rejecting IKE_SESSION_RESUME ticket: store unavailable: the store is down \(credentials refused\)'
chmod 600 "$SWAN_HOSTDIR/store.credentials"
ipsec restart
ipsec add west-east
swan-log wait -t 10 'session resumption store: connected to redis://192.0.2.254:6379'
swan-log lacks 'resume-store-pw-1'
