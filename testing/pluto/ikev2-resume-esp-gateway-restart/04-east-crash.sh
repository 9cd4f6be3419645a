swan-log mark crashed
ipsec kill
# what a reboot, or the service's own stop (_stackmanager), does to the
# kernel state of a crashed pluto
ip xfrm state flush
ip xfrm policy flush
ipsec start
ipsec add west-east
swan-log -s crashed has 'session resumption: 1 ticket key\(s\) in the NSS DB'
