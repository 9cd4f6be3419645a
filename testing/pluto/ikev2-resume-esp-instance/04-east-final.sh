../../guestbin/swan-log has ': switched to "any-east"'
../../guestbin/swan-log count 2 ': switched to "any-east"'
../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec trafficstatus | ../../guestbin/swan-match -c 1 '"any-east"\[[0-9]+\] 192.1.2.45.*inBytes=[1-9]'
