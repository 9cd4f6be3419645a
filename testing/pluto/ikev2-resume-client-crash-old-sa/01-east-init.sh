# what east sends: IKE_AUTH responses (the rule works) and INFORMATIONAL
# (a Delete for the old IKE SA would be one); UDP header 8 octets, the
# IKE exchange type at octet 18 of the IKE header
nft -f - <<'NFT'
table ip watch {
	counter ike_auth_out { }
	counter informational_out { }
	chain output {
		type filter hook output priority filter; policy accept;
		udp sport 500 @th,208,8 35 counter name "ike_auth_out"
		udp sport 500 @th,208,8 37 counter name "informational_out"
	}
}
NFT
ipsec start
ipsec add west-east
