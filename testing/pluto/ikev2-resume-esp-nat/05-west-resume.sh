ipsec suspend west-east
ip xfrm state | swan-match -c 0 'proto esp'
swan-on nic nft reset counters >/dev/null
ipsec up west-east
sa=$(swan-log has 'sent IKE_SESSION_RESUME request to' | tail -1 | sed -E 's/.*(#[0-9]+):.*/\1/')
swan-log has "$sa: initiator established IKE SA; authenticated peer using authby=session-resume"
# the resumption detected the NAT and floated to 4500
swan-log has "$sa: sent IKE_AUTH request to 192.0.2.23:UDP/4500"
swan-log count 1 'sent IKE_SA_INIT request to'
# the resumed Child SA is ESP in UDP, and carries the traffic
ip xfrm state | swan-match 'encap type espinudp sport 4500 dport 4500'
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
