swan-crash-restart west-east
swan-log -s crashed has 'session resumption: 1 ticket key\(s\) in the NSS DB'
