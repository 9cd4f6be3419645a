sleep 3
cp "$SWAN_TESTDIR/east-short-keys.conf.in" "$SWAN_HOSTDIR/ipsec.conf"
swan-log mark short
ipsec restart
ipsec add west-east
ipsec status | swan-match 'session-resumption-key-rotation=1s, session-resumption-ticket-lifetime=1s'
swan-log -s short has 'deleting session resumption key [0-9a-f]{16} \(every ticket it sealed has expired\)'
