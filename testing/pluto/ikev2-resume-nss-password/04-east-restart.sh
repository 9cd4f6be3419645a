swan-log mark restarted
ipsec restart
ipsec add west-east
swan-log -s restarted has 'session resumption: 1 ticket key\(s\) in the NSS DB'
