ipsec up west-east
swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
swan-log has '#1: sent IKE_AUTH request to 192.0.2.23:UDP/4500'
swan-log has '#2: initiator established Child SA using #1'
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
ip xfrm state | swan-match 'encap type espinudp sport 4500 dport 4500'
