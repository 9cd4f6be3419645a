swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec trafficstatus | swan-match -c 1 'inBytes=[1-9]'
