../../guestbin/swan-log mark restarted
ipsec restart
../../guestbin/wait-until-pluto-started
ipsec add west-east
# the key made before the restart was found again, no new one made
../../guestbin/swan-log -s restarted has 'session resumption: 1 ticket key\(s\) in the NSS DB'
../../guestbin/swan-log -s restarted lacks 'created session resumption key'
