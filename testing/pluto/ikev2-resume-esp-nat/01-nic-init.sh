# nic is a NAT router: west's only way out, masqueraded as 192.0.2.254
west_ns=$(. "$SWAN_RUNDIR/west/swan.env"; echo "$SWAN_NS")
sysctl -q -w net.ipv4.ip_forward=1
ip link add lan0 type veth peer name eth1 netns "$west_ns"
ip addr add 192.168.1.254/24 dev lan0
ip link set lan0 up
# what crosses the NAT: plain ESP would be dropped by a real one (no
# ports), ESP-in-UDP and 1-octet NAT keepalives are what must cross
nft -f - <<'NFT'
table ip nat {
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "eth0" ip saddr 192.168.1.0/24 masquerade
	}
}
table ip watch {
	counter plain_esp { }
	counter esp_in_udp { }
	counter keepalive { }
	chain forward {
		type filter hook forward priority filter; policy accept;
		ip protocol esp counter name "plain_esp"
		udp dport 4500 udp length 9 counter name "keepalive"
		udp dport 4500 udp length > 9 counter name "esp_in_udp"
	}
}
NFT
nft list ruleset >/dev/null
