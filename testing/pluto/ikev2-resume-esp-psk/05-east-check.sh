../../guestbin/swan-log has 'responder established IKE SA; authenticated peer using authby=session-resume'
ipsec trafficstatus | ../../guestbin/swan-match -c 1 'inBytes=[1-9]'
