swan-log has "rejecting IKE_SESSION_RESUME ticket: reference unknown \(by the cluster's store\)"
ipsec whack --resumestatus | swan-match ' reference-unknown=1'
ipsec whack --resumestatus | swan-match 'references issued=2 taken=1 unknown=1 '
swan-log count 1 'responder established IKE SA; authenticated peer using authby=session-resume'
# revoke the peer: every reference of @west goes
ipsec whack --revoke-resume-id --name @west
swan-on nic swan-redis wait-keys 0 'ikev2-resume:ref:*' | swan-match -c 0 .
swan-on nic swan-redis cli --scan --pattern 'ikev2-resume:peer-refs:*' | swan-match -c 0 .
swan-on nic swan-redis cli --scan --pattern 'ikev2-resume:revoked-peer:*' | swan-match -c 1 '^ikev2-resume:revoked-peer:'
