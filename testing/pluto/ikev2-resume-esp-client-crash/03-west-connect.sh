# only the private side: no address on the shared LAN
swan-behind-nat 192.168.1.45 10.0.45.45 10.0.23.0/24
ipsec start
ipsec add west-east
ipsec whack --impair revival --impair suppress-retransmits
ipsec up west-east
swan-log has '#1: received v2N_TICKET_LT_OPAQUE'
swan-log has '#2: initiator established Child SA using #1'
swan-esp-traffic --source 10.0.45.45 west-east 10.0.23.23
