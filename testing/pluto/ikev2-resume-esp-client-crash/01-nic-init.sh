# nic is a NAT router: west's only way out, masqueraded as 192.0.2.254
west_ns=$(. "$SWAN_RUNDIR/west/swan.env"; echo "$SWAN_NS")
sysctl -q -w net.ipv4.ip_forward=1
ip link add lan0 type veth peer name eth1 netns "$west_ns"
ip addr add 192.168.1.254/24 dev lan0
ip link set lan0 up
nft -f - <<'NFT'
table ip nat {
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "eth0" ip saddr 192.168.1.0/24 masquerade
	}
}
NFT
