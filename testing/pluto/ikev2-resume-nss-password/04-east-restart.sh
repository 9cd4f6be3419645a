../../guestbin/swan-log mark restarted
ipsec restart
../../guestbin/wait-until-pluto-started
ipsec add west-east
../../guestbin/swan-log -s restarted has 'session resumption: 1 ticket key\(s\) in the NSS DB'
