# the stock gateway (since its start): full handshakes, no resumption
swan-log -s stock has 'responder established IKE SA; authenticated peer using authby=secret'
swan-log -s stock lacks 'authby=session-resume'
ipsec trafficstatus | swan-match -c 1 'inBytes=[1-9]'
nft list table inet clear
