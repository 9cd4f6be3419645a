swan-log mark restarted
ipsec restart
ipsec add west-east
# the key made before the restart was found again, no new one made
swan-log -s restarted has 'session resumption: 1 ticket key\(s\) in the NSS DB'
swan-log -s restarted lacks 'created session resumption key'
