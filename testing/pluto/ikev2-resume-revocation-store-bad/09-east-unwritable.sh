swan-log -s again count 1 'rejecting IKE_SESSION_RESUME ticket: revocations lost'
swan-log -s again count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
store=$SWAN_HOSTDIR/nss/ikev2-resume-revocations
mkdir "$store.new"
if ipsec whack --revoke-resume-id --name @road; then exit 1; fi
swan-log has "session resumption: revocation not kept across restarts: creating a new [^ ]*/ikev2-resume-revocations failed: Is a directory"
ipsec whack --resumestatus | swan-match 'tickets=0 peers=1 write-failures=1 '
rmdir "$store.new"
