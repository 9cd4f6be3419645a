ipsec whack --revoke-resume-id --name @west
swan-log has "session resumption: revoked every ticket issued to peer '@west' until now"
# sent to the store; its answer comes on the event loop
for _ in $(seq 50); do
	n=$(swan-on nic swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*' | wc -l)
	[ "$n" = 1 ] && break
	sleep 0.1
done
swan-on nic swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*' | swan-match -c 1 '^ikev2-resume:revoked-peer:[0-9a-f]{64}$'
ipsec whack --resumestatus | swan-match ' revocations=1 revocation-failures=0 '
