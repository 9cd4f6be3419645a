ipsec whack --revoke-resume-id --name @west
swan-log has "session resumption: revoked every ticket issued to peer '@west' until now"
# sent to the store; its answer comes on the event loop
swan-on nic swan-redis wait-keys 1 'ikev2-resume:revoked-peer:*' | swan-match -c 1 '^ikev2-resume:revoked-peer:[0-9a-f]{64}$'
ipsec whack --resumestatus | swan-match ' revocations=1 revocation-failures=0 '
