# east, round $round: revoke west by ID, road by ipsec down, north by
# --deleteid; then restart by $restart
#
# The kicks must not reach road and north: a Delete that arrives makes
# a client drop its ticket (RFC 5723 6.2).  --deleteid honours
# --impair send_no_delete; ipsec down sends its Delete regardless, so
# road drops what east sends until east has restarted.
for h in road north; do
	swan-on $h nft add table inet kick
	swan-on $h nft add chain inet kick in '{ type filter hook input priority 0; }'
	swan-on $h nft add rule inet kick in ip saddr $SWAN_ADDR_east udp sport 500 drop
done
ipsec whack --impair send_no_delete
ipsec whack --revoke-resume-id --name @west
# in the background: east retransmits its Delete into the void until
# it restarts, and the whack waits for it
n=$(swan-log count-of 'revoked any session resumption ticket issued with this IKE SA \(the connection was taken down\)')
ipsec down road-east >/dev/null 2>&1 &
swan-log wait -t 10 -n $((n + 1)) 'revoked any session resumption ticket issued with this IKE SA \(the connection was taken down\)'
ipsec whack --deleteid --name @north
ipsec whack --impair send_no_delete:no
swan-log count $round 'session resumption: revoked every ticket issued to peer .@west. until now'
# at least one IKE SA each (a resumed client's old IKE SA may still be there)
test $(swan-log count-of 'revoked any session resumption ticket issued with this IKE SA \(the connection was taken down\)') -ge $round
test $(swan-log count-of 'revoked any session resumption ticket issued with this IKE SA \(deleted by peer ID\)') -ge $round
store=$SWAN_HOSTDIR/nss/ikev2-resume-revocations
test "$(stat -c %a "$store")" = 600
# keyed hashes and ticket ids only: no ID in the clear
if grep -a -q -e west -e road -e north "$store"; then exit 1; fi
ipsec whack --resumestatus | swan-match 'revocations: .*/ikev2-resume-revocations kept across restarts, tickets=[0-9]+ peers=1 write-failures=0$'
# the revocation is to the second: anything authenticated by now is revoked
sleep 2
$restart west-east road-east north-east
for h in road north; do
	swan-on $h nft delete table inet kick
	# its IKE SA is gone on east: drop it here without a Delete
	swan-on $h ipsec whack --impair send_no_delete
	swan-on $h ipsec suspend $h-east
	swan-on $h ipsec whack --impair send_no_delete:no
	swan-on $h ipsec connectionstatus | swan-match 'session resume ticket: length: [0-9]+ bytes'
done
