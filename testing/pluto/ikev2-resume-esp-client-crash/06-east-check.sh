new=$(swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume' | sed -E 's/.*(#[0-9]+):.*/\1/')
ipsec showstates | swan-match -c 1 'ESTABLISHED_IKE_SA'
ipsec showstates | swan-match -c 1 "$new: \"west-east\".*ESTABLISHED_IKE_SA"
ipsec showstates | swan-match -c 1 'ESTABLISHED_CHILD_SA'
swan-log has "deleted IKE SA #1, superseded by $new resumed with its ticket \(RFC 5723 4.3.4\)"
swan-log lacks 'and sending notification'
# the old Child SA's kernel SAs are gone; the new ones are on the
# NAT's new port
ip xfrm state | swan-match -c 2 'proto esp'
for spi in $(cat "$SWAN_HOSTDIR/old-spis"); do
	ip xfrm state | swan-match -c 0 "spi $spi "
done
ip xfrm state | swan-match -c 0 'espinudp sport 4500 dport 4500'
ip xfrm state | swan-match -c 2 'encap type espinudp'
ipsec trafficstatus | swan-match -c 1 'inBytes=[1-9]'
