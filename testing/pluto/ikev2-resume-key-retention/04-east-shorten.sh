sleep 3
cp "/testing/pluto/ikev2-resume-key-retention/east-short-keys.conf.in" "/etc/ipsec.conf"
../../guestbin/swan-log mark short
ipsec restart
../../guestbin/wait-until-pluto-started
ipsec add west-east
ipsec status | ../../guestbin/swan-match 'session-resumption-key-rotation=1s, session-resumption-ticket-lifetime=1s'
../../guestbin/swan-log -s short has 'deleting session resumption key [0-9a-f]{16} \(every ticket it sealed has expired\)'
