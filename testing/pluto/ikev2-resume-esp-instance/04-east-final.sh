swan-log has ': switched to "any-east"'
swan-log count 2 ': switched to "any-east"'
swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec trafficstatus | swan-match -c 1 '"any-east"\[[0-9]+\] 192.0.2.45.*inBytes=[1-9]'
