counter() { # NAME: its packet count
	nft list counter ip watch "$1" | sed -n -E 's/.*packets ([0-9]+) .*/\1/p'
}
# NAT keepalives from the resumed IKE SA, every keep-alive=2 s (5.2 sent
# at most one per IKE SA, and none within 20 s of its last request)
for i in $(seq 10); do
	[ "$(counter keepalive)" -gt 1 ] && break
	sleep 1
done
nft list counters table ip watch >&2
# since the suspend: ESP in UDP and keepalives crossed, plain ESP never
test "$(counter plain_esp)" -eq 0
test "$(counter esp_in_udp)" -gt 0
# more than one: they are periodic
test "$(counter keepalive)" -gt 1
