: "=== 4. the gateway restarts (an upgrade, a crash, a reboot)"
ipsec restart
ipsec add west-east
