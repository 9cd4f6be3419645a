: "=== 4. the gateway crashes (a power cut, a panic) and comes back; no Delete reaches west"
ipsec kill
ipsec start
ipsec add west-east
