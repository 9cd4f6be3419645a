# west crashes (no Delete) and comes back on another private address
# (Wi-Fi to LTE): the NAT's old mappings still exist, so east sees it
# on new ports
ipsec kill
ip xfrm state flush
ip xfrm policy flush
ip addr del 192.168.1.45/24 dev eth1
ip addr add 192.168.1.46/24 dev eth1
ip route replace default via 192.168.1.254
ip route replace 10.0.23.0/24 via 192.168.1.254 src 10.0.45.45
swan-log mark resume
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
swan-log -s resume has 'session resumption: using the ticket kept from before the restart'
swan-log -s resume has 'initiator established IKE SA; authenticated peer using authby=session-resume'
swan-log -s resume count 0 'sent IKE_SA_INIT request to'
# the new Child SA carries the traffic, counted in pluto and the kernel
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
