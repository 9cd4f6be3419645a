# north, behind nic, takes over east's address: nic routes it to north
# and answers ARP for it on the west-east LAN
ip route add 192.1.2.23/32 via 192.1.3.33
sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.proxy_arp=1
