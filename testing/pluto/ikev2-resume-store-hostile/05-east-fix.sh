../../guestbin/swan-log has 'rejecting IKE_SESSION_RESUME ticket: store unavailable: the store is down \(credentials refused\)'
chmod 600 "/tmp/store.credentials"
ipsec restart
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log wait -t 10 'session resumption store: connected to redis://192.1.2.254:6379'
../../guestbin/swan-log lacks 'resume-store-pw-1'
