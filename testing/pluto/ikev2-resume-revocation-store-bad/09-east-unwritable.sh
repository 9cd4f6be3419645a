../../guestbin/swan-log -s again count 1 'rejecting IKE_SESSION_RESUME ticket: revocations lost'
../../guestbin/swan-log -s again count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
store=/etc/ipsec.d/ikev2-resume-revocations
mkdir "$store.new"
if ipsec whack --revoke-resume-id --name @road; then false; fi
../../guestbin/swan-log has "session resumption: revocation not kept across restarts: creating a new [^ ]*/ikev2-resume-revocations failed: Is a directory"
ipsec whack --resumestatus | ../../guestbin/swan-match 'tickets=0 peers=1 write-failures=1 '
rmdir "$store.new"
