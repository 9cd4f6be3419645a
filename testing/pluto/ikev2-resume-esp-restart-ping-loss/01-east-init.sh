ip addr add 10.0.23.23/32 dev lo
ip route add 10.0.45.0/24 via 192.0.2.45 src 10.0.23.23
# only what came through the tunnel counts: a ping from west's subnet
# in clear (west without its Child SA, after stock's Delete) is dropped
nft -f - <<'NFT'
table inet clear {
	chain in {
		type filter hook input priority 0;
		ip saddr 10.0.45.0/24 meta ipsec missing counter drop
	}
}
NFT
ipsec start
ipsec add west-east
ipsec status | swan-match 'session-resumption-shutdown=keep'
