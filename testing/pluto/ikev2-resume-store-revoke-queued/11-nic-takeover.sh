# north, behind nic, takes over east's address: nic routes it to north
# and answers ARP for it on the west-east LAN
ip route add 192.0.2.23/32 via 192.0.2.33
sysctl -qw net.ipv4.conf.eth0.proxy_arp=1
