# the old Child SA's two kernel SAs, through the NAT's port 4500
ip xfrm state | swan-match -c 2 'encap type espinudp sport 4500 dport 4500'
ip xfrm state | sed -n -E 's/.*proto esp spi (0x[0-9a-f]+).*/\1/p' > "$SWAN_HOSTDIR/old-spis"
test "$(wc -l < "$SWAN_HOSTDIR/old-spis")" -eq 2
