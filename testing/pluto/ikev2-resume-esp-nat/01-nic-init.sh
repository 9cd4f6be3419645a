# nic is a NAT router: west's only way out, masqueraded as 192.0.2.254
swan-nat-router west
# what crosses the NAT: plain ESP would be dropped by a real one (no
# ports), ESP-in-UDP and 1-octet NAT keepalives are what must cross
nft -f - <<'NFT'
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
