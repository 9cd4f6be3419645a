../../guestbin/swan-crash-restart west-east
../../guestbin/swan-log -s crashed has 'session resumption: 1 ticket key\(s\) in the NSS DB'
